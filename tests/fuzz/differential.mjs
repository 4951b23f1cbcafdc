// The Node side of the differential test (bindings-python/tests/test_differential.py):
// runs each input of a JSON file through the npm package and prints, per input, what
// the object form (and for score and score_units the JSON text form) gave: the
// result, the ServexError's kind and path, or any other exception as `foreign`. An
// input with `nonfinite: {at, word}` has the number at the keys `at` replaced by
// Number(word) (NaN or an infinity, which JSON text cannot hold) and runs as an
// object only.
//
//   node tests/fuzz/differential.mjs PACKAGE_DIR INPUTS.json > OUTCOMES.json
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";

const [pkgDir, inputsFile] = process.argv.slice(2);
const servex = createRequire(import.meta.url)(resolve(pkgDir));
const NAMES = { score_units: "scoreUnits" };
const TAKES_TEXT = new Set(["score", "score_units"]);

function outcome(fn, input) {
  try {
    return { ok: fn(input) };
  } catch (e) {
    if (e instanceof servex.ServexError) return { error: [e.kind, e.path] };
    return { foreign: `${e?.name}: ${e?.message}` };
  }
}

const inputs = JSON.parse(readFileSync(inputsFile, "utf8"));
function withNonFinite(value, { at, word }) {
  const parent = at.slice(0, -1).reduce((holder, key) => holder[key], value);
  parent[at[at.length - 1]] = Number(word);
  return value;
}

const outcomes = inputs.map(({ call, text, nonfinite }) => {
  const fn = servex[NAMES[call] ?? call];
  if (nonfinite) return { object: outcome(fn, withNonFinite(JSON.parse(text), nonfinite)) };
  const found = { object: outcome(fn, JSON.parse(text)) };
  if (TAKES_TEXT.has(call)) found.text = outcome(fn, text);
  return found;
});
process.stdout.write(JSON.stringify(outcomes));
