// Grouped NPS and CSAT in Node: servex's WebAssembly package against the plain
// JavaScript loop a web developer would write over the same typed arrays, a memory
// floor (a plain sum over the same arrays), and the native Rust kernel on the same
// shape in the same run. Reports ns per response and ratios (medians) and checks that
// servex's answers equal the plain loop's.
//
//   npm --prefix bindings-wasm run build
//   cargo build --release -p servex-benches --example grouped_kernel
//   node benches/js/compare.mjs [--rows N] [--groups G] [--reps R] [--native PATH]
//   node benches/js/compare.mjs --quick    # small sizes, one repetition, answers only
//
// Benchmarks are never timed tests: `--quick` only checks that this still runs and that
// the answers agree (bindings-wasm/test/bench.test.mjs runs it).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    rows: { type: "string" },
    groups: { type: "string" },
    reps: { type: "string" },
    native: { type: "string", default: join(root, "target", "release", "examples", "grouped_kernel") },
  },
});
const ROWS = Number(args.rows ?? (args.quick ? 100_003 : 10_000_000));
const GROUPS = Number(args.groups ?? (args.quick ? 37 : 1_000));
const REPS = Number(args.reps ?? (args.quick ? 1 : 7));

const servex = createRequire(import.meta.url)(join(root, "bindings-wasm", "pkg"));

/** A seeded xorshift32 generator: the same data on every run. */
function generator(seed) {
  let x = seed >>> 0 || 1;
  return (n) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
}

function column(Type, rows, lo, hi, seed) {
  const below = generator(seed);
  const out = new Type(rows);
  for (let i = 0; i < rows; i++) out[i] = lo + below(hi - lo + 1);
  return out;
}

/** What a web developer writes for NPS: count per group in one pass. */
function plainNps(scores, codes, groups) {
  const n = new Uint32Array(groups);
  const good = new Uint32Array(groups);
  const bad = new Uint32Array(groups);
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    const g = codes[i];
    n[g]++;
    if (s >= 9) good[g]++;
    else if (s <= 6) bad[g]++;
  }
  return { n, good, bad };
}

/** The same for CSAT (top-2-box on 1..5). */
function plainCsat(scores, codes, groups) {
  const n = new Uint32Array(groups);
  const good = new Uint32Array(groups);
  for (let i = 0; i < scores.length; i++) {
    const g = codes[i];
    n[g]++;
    if (scores[i] >= 4) good[g]++;
  }
  return { n, good };
}

/** The floor: one read of every score and every code. */
function floor(scores, codes) {
  let a = 0;
  let b = 0;
  for (let i = 0; i < scores.length; i++) a += scores[i];
  for (let i = 0; i < codes.length; i++) b += codes[i];
  return a + b;
}

function median(fn) {
  const times = [];
  let out;
  for (let r = 0; r < REPS; r++) {
    const t = process.hrtime.bigint();
    out = fn();
    times.push(Number(process.hrtime.bigint() - t));
  }
  times.sort((a, b) => a - b);
  return { ns: times[Math.floor(REPS / 2)] / ROWS, out };
}

/** servex's grouped answer equals the plain loop's: same counts, same score. */
function checkNps(result, plain) {
  assert.equal(result.groups.length, plain.n.filter((n) => n > 0).length);
  for (const g of result.groups) {
    const k = g.group;
    assert.deepEqual([g.n, g.promoters, g.detractors], [plain.n[k], plain.good[k], plain.bad[k]], `group ${k}`);
    const score = (100 * (plain.good[k] - plain.bad[k])) / plain.n[k];
    assert.ok(Math.abs(g.score - score) <= 1e-9, `group ${k}: ${g.score} vs ${score}`);
  }
}

function checkCsat(result, plain) {
  assert.equal(result.groups.length, plain.n.filter((n) => n > 0).length);
  for (const g of result.groups) {
    const k = g.group;
    assert.deepEqual([g.n, g.satisfied], [plain.n[k], plain.good[k]], `group ${k}`);
    assert.ok(Math.abs(g.score - (100 * plain.good[k]) / plain.n[k]) <= 1e-9, `group ${k}`);
  }
}

/** The native kernel on the same shape, from `grouped_kernel`'s output. */
function native() {
  if (args.quick || !existsSync(args.native)) return null;
  const out = execFileSync(args.native, [String(ROWS), String(GROUPS)], { encoding: "utf8" });
  const read = (key) => Number(new RegExp(`^${key} ([0-9.]+)$`, "m").exec(out)?.[1]);
  return {
    kernel: read("nps_grouped_u8_ns"),
    withGroups: read("nps_grouped_u8_integer_labels_ns"),
    csatWithGroups: read("csat_grouped_u8_integer_labels_ns"),
    floor: read("floor_ns"),
  };
}

const codes = column(Uint32Array, ROWS, 0, GROUPS - 1, 7);
const npsU8 = column(Uint8Array, ROWS, 0, 10, 1);
const npsF64 = Float64Array.from(npsU8);
const csatU8 = column(Uint8Array, ROWS, 1, 5, 2);

const rows = [];
const row = (name, ns, reference) => rows.push({ name, ns, reference });

const floorU8 = median(() => floor(npsU8, codes));
const floorF64 = median(() => floor(npsF64, codes));

const wasmNps = median(() => servex.nps({ responses: npsU8, groups: codes }));
const jsNps = median(() => plainNps(npsU8, codes, GROUPS));
checkNps(wasmNps.out, jsNps.out);
const wasmNpsF64 = median(() => servex.nps({ responses: npsF64, groups: codes }));
const jsNpsF64 = median(() => plainNps(npsF64, codes, GROUPS));
checkNps(wasmNpsF64.out, jsNpsF64.out);
assert.deepEqual(wasmNpsF64.out, wasmNps.out);

const wasmCsat = median(() => servex.csat({ responses: csatU8, groups: codes }));
const jsCsat = median(() => plainCsat(csatU8, codes, GROUPS));
checkCsat(wasmCsat.out, jsCsat.out);

if (args.quick) {
  console.log(`quick: ${ROWS} rows, ${GROUPS} groups: servex (wasm) and the plain loops agree on nps and csat`);
  process.exit(0);
}

const rust = native();
row("servex.nps(Uint8Array, groups: Uint32Array)", wasmNps.ns, wasmNps.ns);
row("plain JS loop, Uint8Array", jsNps.ns, wasmNps.ns);
row("floor: sum of the Uint8Array and the Uint32Array", floorU8.ns, wasmNps.ns);
row("servex.nps(Float64Array, groups: Uint32Array)", wasmNpsF64.ns, wasmNps.ns);
row("plain JS loop, Float64Array", jsNpsF64.ns, wasmNps.ns);
row("floor: sum of the Float64Array and the Uint32Array", floorF64.ns, wasmNps.ns);
row("servex.csat(Uint8Array 1..5, groups: Uint32Array)", wasmCsat.ns, wasmNps.ns);
row("plain JS loop, CSAT", jsCsat.ns, wasmNps.ns);
if (rust) {
  row("native nps_grouped u8 (integer labels, as servex.nps)", rust.withGroups, wasmNps.ns);
  row("native nps_grouped u8 (groups built outside)", rust.kernel, wasmNps.ns);
  if (Number.isFinite(rust.csatWithGroups)) row("native csat_grouped u8 (integer labels)", rust.csatWithGroups, wasmNps.ns);
  row("native floor (grouped_kernel)", rust.floor, wasmNps.ns);
}

console.log(`${ROWS} responses, ${GROUPS} groups, median of ${REPS}; node ${process.version}`);
console.log("| case | ns per response | / servex.nps(u8) |");
console.log("|---|---:|---:|");
for (const { name, ns, reference } of rows) console.log(`| ${name} | ${ns.toFixed(2)} | ${(ns / reference).toFixed(2)} |`);
console.log("");
console.log(`servex.nps u8: ${(jsNps.ns / wasmNps.ns).toFixed(2)}x the plain loop's speed`);
console.log(`servex.csat u8: ${(jsCsat.ns / wasmCsat.ns).toFixed(2)}x the plain loop's speed`);
if (rust) {
  console.log(`wasm / native (both building the groups in the call): ${(wasmNps.ns / rust.withGroups).toFixed(2)} (target <= 2.5)`);
  if (Number.isFinite(rust.csatWithGroups)) {
    console.log(`csat wasm / native: ${(wasmCsat.ns / rust.csatWithGroups).toFixed(2)}`);
  }
}
console.log("answers: servex equals the plain loops (counts exactly, scores within 1e-9)");
