// Shared by the Node tests: the built package, the conformance cases, subset matching.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const here = dirname(fileURLToPath(import.meta.url));
export const bindings = join(here, "..");
export const repo = join(bindings, "..");
export const pkgDir = join(bindings, "pkg");

const load = createRequire(import.meta.url);

/** The Node entry of the built package, as `require("servex")` gives it. */
export const servex = load(pkgDir);

/**
 * The Node glue of the main module and of the renderer's, where a test stands in for
 * an export or traps on purpose (`__servexAbort`, only in a testing build).
 */
export const glue = load(join(pkgDir, "servex_wasm_node.cjs"));
export const rendererGlue = load(join(pkgDir, "servex_wasm_render_node.cjs"));
if (typeof glue.__servexAbort !== "function") {
  throw new Error("bindings-wasm/pkg is a release build: the tests need `npm run build:testing`");
}

/** The sample's headline that every front's tests expect (`tests/sample/headline.json`). */
export const HEADLINE = JSON.parse(readFileSync(join(repo, "tests", "sample", "headline.json"), "utf8"));

/** Every case of every `tests/*.json` of the repository, in file then case order. */
export function loadCases() {
  const dir = join(repo, "tests");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  return files.flatMap((file) => JSON.parse(readFileSync(join(dir, file), "utf8")).cases.map((c) => ({ file, ...c })));
}

/** The package's name of each call: snake_case in the SPEC, camelCase in JavaScript. */
const CALL_NAMES = { score_units: "scoreUnits" };

/** Runs a case through the public API: `score(doc)`, `catalogue(input)`, `nps(input)`, ... */
export function runCase(api, c) {
  const fn = api[CALL_NAMES[c.call] ?? c.call];
  if (typeof fn !== "function") throw new Error(`the package has no ${c.call}()`);
  return fn(c.input);
}

/**
 * SPEC 9 subset matching: every key `expected` names is present in `actual` and equal
 * (numbers within `tolerance`, arrays of equal length element by element, objects
 * recursively). Returns the first difference, or null.
 */
export function subsetDiff(expected, actual, tolerance, at = "") {
  if (typeof expected === "number") {
    if (typeof actual !== "number") return `${at}: expected ${expected}, got ${JSON.stringify(actual)}`;
    return Math.abs(expected - actual) <= tolerance ? null : `${at}: expected ${expected}, got ${actual}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${at}: expected an array, got ${JSON.stringify(actual)}`;
    if (expected.length !== actual.length) return `${at}: expected ${expected.length} items, got ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const d = subsetDiff(expected[i], actual[i], tolerance, `${at}/${i}`);
      if (d) return d;
    }
    return null;
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) {
      return `${at}: expected an object, got ${JSON.stringify(actual)}`;
    }
    for (const [k, e] of Object.entries(expected)) {
      if (!Object.hasOwn(actual, k)) return `${at}/${k}: missing`;
      const d = subsetDiff(e, actual[k], tolerance, `${at}/${k}`);
      if (d) return d;
    }
    return null;
  }
  return expected === actual ? null : `${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

/** Calls `fn`; returns the result, or the error after checking it is a proper ServexError. */
export function outcome(fn) {
  try {
    return { result: fn() };
  } catch (error) {
    assert.ok(error instanceof Error, `threw a non-Error: ${String(error)}`);
    assert.equal(error.name, "ServexError", `threw ${error.name}: ${error.message}`);
    assert.ok(error instanceof servex.ServexError);
    assert.ok(servex.ERROR_KINDS.includes(error.kind), `unknown kind ${error.kind}`);
    assert.equal(typeof error.path, "string");
    assert.ok(error.path === "" || error.path.startsWith("/"), `bad pointer ${error.path}`);
    return { error };
  }
}
