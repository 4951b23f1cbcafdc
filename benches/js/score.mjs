// Scoring a document in Node through servex's WebAssembly package: score(object),
// score(text), and the module's call alone, medians in ms. Compare with the native
// pipeline, `profile_score call-text FILE` (parse, then call_text("score")).
//
//   cargo run --release -p servex-benches --example profile_score -- write-big 10000 > /tmp/doc10k.json
//   node benches/js/score.mjs /tmp/doc10k.json [REPS]
//   target/release/examples/profile_score call-text /tmp/doc10k.json

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const load = createRequire(import.meta.url);
const servex = load(join(root, "bindings-wasm", "pkg"));
const glue = load(join(root, "bindings-wasm", "pkg", "servex_wasm_node.cjs"));

const [path, reps = "9"] = process.argv.slice(2);
if (!path) throw new Error("usage: node benches/js/score.mjs DOCUMENT.json [REPS]");
const text = readFileSync(path, "utf8");
const doc = JSON.parse(text);

function median(fn) {
  const times = [];
  for (let r = 0; r < Number(reps); r++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

console.log(`${doc.indicators.length} indicators, ${text.length} bytes of JSON; median of ${reps}, ms:`);
console.log(`score(object) ${median(() => servex.score(doc)).toFixed(1)}`);
console.log(`score(text) ${median(() => servex.score(text)).toFixed(1)}`);
console.log(`module call alone (text in, envelope text out) ${median(() => glue.call("score", text)).toFixed(1)}`);
