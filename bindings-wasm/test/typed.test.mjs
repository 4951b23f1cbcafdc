// The fast path of nps/csat/ces: typed arrays of responses (and typed integer groups)
// go into the module as they are. Every input here runs both ways, typed and as plain
// arrays, and must give the same result or the same error (kind, path and message).
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, test } from "node:test";

import { loadCases, outcome, pkgDir, servex } from "./support.mjs";

const glue = createRequire(import.meta.url)(join(pkgDir, "servex_wasm_node.cjs"));

const METRICS = ["nps", "csat", "ces"];
const RESPONSE_TYPES = [
  Uint8Array,
  Int8Array,
  Uint16Array,
  Int16Array,
  Uint32Array,
  Int32Array,
  Float32Array,
  Float64Array,
];
const GROUP_TYPES = [Uint8Array, Int8Array, Uint16Array, Int16Array, Uint32Array, Int32Array];

/** The outcome of a call, as comparable data. */
function settle(fn) {
  const { result, error } = outcome(fn);
  return error ? { error: { kind: error.kind, path: error.path, message: error.message } } : { result };
}

/** Calls `fn` and counts the calls that took the fast path (the module's column exports). */
function viaColumns(fn) {
  const real = { columnU8: glue.columnU8, columnF64: glue.columnF64 };
  let calls = 0;
  for (const name of Object.keys(real)) {
    glue[name] = (...args) => {
      calls += 1;
      return real[name](...args);
    };
  }
  try {
    return { ...settle(fn), calls };
  } finally {
    Object.assign(glue, real);
  }
}

/**
 * `input` with typed responses (and groups) gives what the same plain arrays give, and
 * goes through the module's column export (unless `refusedInJs`: an option the JSON text
 * cannot carry is refused before the module is called, on both paths).
 */
function sameBothWays(name, input, Responses, Groups, refusedInJs = false) {
  // The plain arrays hold what the typed ones hold (200 in an Int8Array is -56).
  const typed = { ...input, responses: Responses.from(input.responses) };
  if (Groups !== undefined) typed.groups = Groups.from(input.groups);
  const plain = { ...input, responses: Array.from(typed.responses) };
  if (input.groups !== undefined) plain.groups = Array.from(typed.groups ?? input.groups);
  const expected = settle(() => servex[name](plain));
  const got = viaColumns(() => servex[name](typed));
  assert.equal(got.calls, refusedInJs ? 0 : 1, `${name} ${Responses.name}: ${got.calls} fast-path calls`);
  delete got.calls;
  assert.deepEqual(got, expected, `${name} ${Responses.name} ${Groups?.name ?? "ungrouped"}`);
  return expected;
}

// Plain inputs whose responses (and groups) every typed array above can hold.
const SMALL = [
  { responses: [10, 9, 8, 7, 6, 0, 10, 9, 3, 10] },
  { responses: [10, 9, 8, 7, 6, 0, 10, 9, 3, 10], method: "wald", confidence: 0.9 },
  { responses: [5, 4, 3, 5, 2, 1, 4, 4], scale: 5, top: 2 },
  { responses: [7, 6, 5, 5, 4, 3, 7, 2, 6, 1], scale: 7 },
  { responses: [10, 11, 9, 12, 6, 100], invalid: "skip" },
  { responses: [10, 11, 9, 12, 6, 100] },
  { responses: [] },
  { responses: [1, 2, 3], invalid: "skip", scale: 0 },
  { responses: [1, 2], confidence: 2 },
  { responses: [1, 2], method: "wilson" },
  { responses: [1, 2], bogus: true },
  { responses: [3, 9, 10, 1, 0, 5], groups: [0, 1, 0, 2, 1, 0] },
  { responses: [3, 9, 10, 1, 0, 5], groups: [7, 3, 7, 100, 3, 3], invalid: "skip" },
  { responses: [3, 9, 200, 1, 0, 5], groups: [0, 1, 0, 2, 1, 0] },
  { responses: [3, 9, 10], groups: [0, 1] },
  { responses: [], groups: [] },
];

describe("typed arrays straight into the module", () => {
  for (const name of METRICS) {
    test(`${name}: every typed response type answers as plain arrays`, () => {
      for (const input of SMALL) {
        for (const Responses of RESPONSE_TYPES) {
          if (input.groups === undefined) sameBothWays(name, input, Responses);
          else for (const Groups of GROUP_TYPES) sameBothWays(name, input, Responses, Groups);
        }
      }
    });
  }

  test("an option JSON cannot carry is refused in JavaScript on both paths", () => {
    for (const name of METRICS) {
      const r = sameBothWays(name, { responses: [1, 2], confidence: Number.NaN }, Uint8Array, undefined, true);
      assert.deepEqual([r.error.kind, r.error.path], ["invalid_value", "/confidence"]);
    }
  });

  test("NaN and infinities in a Float64Array are what null and non-numbers are in JSON", () => {
    for (const name of METRICS) {
      for (const invalid of ["error", "skip"]) {
        const values = [5, Number.NaN, 3, Number.POSITIVE_INFINITY, 1, Number.NEGATIVE_INFINITY, 2.5, -0];
        const r = sameBothWays(name, { responses: values, invalid }, Float64Array);
        if (invalid === "error") assert.equal(r.error.path, "/responses/1");
        sameBothWays(name, { responses: values, invalid }, Float32Array);
      }
    }
    const r = sameBothWays("nps", { responses: [Number.NaN, Number.NaN], invalid: "skip" }, Float64Array);
    assert.deepEqual([r.error.kind, r.error.path], ["empty_input", "/responses"]);
  });

  test("thousands of labels, as the table grows while counting and past its limit, group as in JSON", () => {
    const responses = [];
    const rising = [];
    let x = 3;
    for (let i = 0; i < 20_011; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      responses.push(x % 13);
      rising.push((x >>> 7) % (i + 1));
    }
    const lateLarge = rising.map((g, i) => (i === 20_000 ? 70_000 : g));
    for (const groups of [rising, lateLarge]) {
      for (const Groups of [Uint32Array, Int32Array]) {
        const r = sameBothWays("nps", { responses, groups, invalid: "skip" }, Uint8Array, Groups);
        assert.ok(r.result.groups.length > 1024);
      }
    }
  });

  test("negative, wide and repeated group labels group as the same integers in JSON", () => {
    const responses = [10, 0, 9, 7, 1, 10, 8, 6];
    for (const groups of [
      [-1, 2, -1, 3, 2, -128, 3, -1],
      [70_000, 1, 70_000, 5, 1, 1, 5, 0],
      [-2_000_000_000, 2_000_000_000, 0, 0, 1, 1, -1, -1],
    ]) {
      for (const Groups of [Int32Array, ...(groups.every((g) => g >= -128 && g <= 127) ? [Int8Array] : [])]) {
        const r = sameBothWays("nps", { responses, groups }, Uint8Array, Groups);
        assert.ok(r.result.groups.length > 1);
      }
    }
    const big = [4_000_000_000, 1, 4_000_000_000, 0, 0, 1, 1, 0];
    const r = sameBothWays("csat", { responses: [5, 4, 3, 5, 2, 1, 4, 4], groups: big }, Float64Array, Uint32Array);
    assert.equal(r.result.groups[0].group, 4_000_000_000);
  });

  test("length mismatches and invalid values report the JSON path's paths", () => {
    for (const Groups of GROUP_TYPES) {
      const r = sameBothWays("ces", { responses: [1, 2, 3], groups: [0, 0] }, Uint8Array, Groups);
      assert.deepEqual([r.error.kind, r.error.path], ["invalid_document", "/groups"]);
    }
    const r = sameBothWays("nps", { responses: [9, 10, 3, 12], groups: [1, 0, 1, 1] }, Uint8Array, Uint8Array);
    assert.deepEqual([r.error.kind, r.error.path], ["invalid_value", "/responses/3"]);
  });

  test("the conformance cases of nps, csat and ces give the same outcome with typed arrays", () => {
    let ran = 0;
    for (const c of loadCases().filter((c) => METRICS.includes(c.call))) {
      const { responses, groups } = c.input;
      if (!Array.isArray(responses) || !responses.every((r) => r === null || typeof r === "number")) continue;
      const input = { ...c.input, responses: responses.map((r) => (r === null ? Number.NaN : r)) };
      const integers = Array.isArray(groups) && groups.every((g) => Number.isInteger(g));
      if (groups !== undefined && !integers) continue;
      const bytes = input.responses.every((r) => Number.isInteger(r) && r >= 0 && r <= 255);
      for (const Responses of bytes ? [Uint8Array, Float64Array] : [Float64Array]) {
        const typed = sameBothWays(c.call, input, Responses, groups === undefined ? undefined : Int32Array);
        assert.deepEqual(
          typed,
          settle(() => servex[c.call](c.input)),
          c.id,
        );
        ran += 1;
      }
    }
    assert.ok(ran >= 20, `only ${ran} conformance runs applied`);
  });

  test("other inputs still take the JSON path", () => {
    const inputs = [
      { responses: [9, 10] },
      { responses: new Uint8Array([9, 10]), groups: ["a", "b"] },
      { responses: new Uint8Array([9, 10]), groups: new Float64Array([1, 2]) },
      { responses: new BigInt64Array([9n, 10n]) },
      { responses: Object.assign(new Uint8Array([9, 10]), { toJSON: () => [1, 2] }) },
    ];
    for (const input of inputs) {
      const r = viaColumns(() => servex.nps(input));
      assert.equal(r.calls, 0, String(input.responses));
    }
    const hostile = {
      get responses() {
        throw new Error("no");
      },
    };
    const r = viaColumns(() => servex.nps(hostile));
    assert.deepEqual([r.calls, r.error.kind], [0, "invalid_document"]);
  });

  test("inherited columns are what JSON.stringify makes of them: absent", () => {
    const inheritedResponses = Object.create({ responses: new Uint8Array([9, 10]) });
    const r = viaColumns(() => servex.nps(inheritedResponses));
    assert.deepEqual(r, { ...settle(() => servex.nps(Object.create({ responses: [9, 10] }))), calls: 0 });
    assert.equal(r.error.kind, "invalid_document");
    const inheritedGroups = Object.assign(Object.create({ groups: new Uint32Array([1, 2]) }), {
      responses: new Uint8Array([9, 10]),
    });
    const g = viaColumns(() => servex.nps(inheritedGroups));
    assert.deepEqual(g, { ...settle(() => servex.nps({ responses: [9, 10] })), calls: 0 });
  });
});
