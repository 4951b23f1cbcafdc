// Hostile inputs: always a result or a ServexError, never a trap or a foreign error,
// and the module keeps working afterwards.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { glue, outcome, rendererGlue, servex } from "./support.mjs";

const CALLS = ["score", "catalogue", "nps", "csat", "ces", "servqual", "kano"];

function expectError(fn, kind, path) {
  const { error } = outcome(fn);
  assert.ok(error, "expected a ServexError, got a result");
  assert.deepEqual({ kind: error.kind, path: error.path }, { kind, path }, error.message);
  return error;
}

function stillWorks() {
  assert.equal(servex.catalogue().id, "iso23592:2021");
  assert.equal(servex.score({ indicators: [{ id: "a", element: "7.1.1", scale: "maturity", value: 3 }] }).score, 0.75);
}

function cyclic() {
  const a = { indicators: [] };
  a.self = a;
  return a;
}

const throwingGetter = {
  get indicators() {
    throw new Error("boom");
  },
};

const HOSTILE = {
  undefined: undefined,
  null: null,
  "empty string": "",
  "a string": "hello",
  "JSON text of a number": "42",
  number: 42,
  NaN: Number.NaN,
  boolean: true,
  "a function": () => 1,
  "a symbol": Symbol("x"),
  "a bigint": 10n,
  "an array": [1, 2, 3],
  "a cyclic object": cyclic(),
  "a cyclic array": (() => {
    const a = [];
    a.push(a);
    return a;
  })(),
  "a throwing getter": throwingGetter,
  "a throwing toJSON": {
    toJSON() {
      throw new TypeError("no");
    },
  },
  "a throwing proxy": new Proxy(
    {},
    {
      ownKeys() {
        throw new Error("trap");
      },
    },
  ),
  "a Map": new Map([["indicators", []]]),
  "a Date": new Date(0),
  "a deep object": (() => {
    let v = {};
    for (let i = 0; i < 100_000; i++) v = { a: v };
    return v;
  })(),
  "an object 65 deep": (() => {
    let v = [];
    for (let i = 0; i < 64; i++) v = [v];
    return { indicators: v };
  })(),
  "a lone surrogate": { indicators: [{ id: "\ud800", perspective: "service", value: 1, baseline: 0, target: 2 }] },
};

describe("hostile inputs", () => {
  for (const call of CALLS) {
    for (const [label, input] of Object.entries(HOSTILE)) {
      test(`${call}(${label}) gives a result or a ServexError`, () => {
        outcome(() => servex[call](input));
        stillWorks();
      });
    }
  }

  test("undefined is invalid_document at the root (catalogue() means the default)", () => {
    expectError(() => servex.score(undefined), "invalid_document", "");
    expectError(() => servex.nps(undefined), "invalid_document", "");
    assert.equal(servex.catalogue(undefined).id, "iso23592:2021");
  });

  test("cyclic objects and throwing getters are invalid_document at the root", () => {
    const e = expectError(() => servex.score(cyclic()), "invalid_document", "");
    assert.ok(e.cause instanceof TypeError);
    expectError(() => servex.score(throwingGetter), "invalid_document", "");
    expectError(
      () =>
        servex.nps({
          responses: [1],
          get groups() {
            throw new Error("x");
          },
        }),
      "invalid_document",
      "",
    );
  });

  test("JSON text too deep is limit_exceeded, for text and for objects", () => {
    expectError(() => servex.score("[".repeat(100_000)), "limit_exceeded", "");
    expectError(() => servex.score(HOSTILE["a deep object"]), "limit_exceeded", "");
    expectError(() => servex.score(HOSTILE["an object 65 deep"]), "limit_exceeded", "");
  });

  test("text that is not JSON is invalid_json; an object never is", () => {
    expectError(() => servex.score("{"), "invalid_json", "");
    expectError(() => servex.score(HOSTILE["a lone surrogate"]), "invalid_document", "/indicators/0/id");
  });

  test("non-finite numbers are invalid_value where they stand", () => {
    const doc = (value) => ({ indicators: [{ id: "a", perspective: "service", value, baseline: 0, target: 10 }] });
    expectError(() => servex.score(doc(Number.NaN)), "invalid_value", "/indicators/0/value");
    expectError(() => servex.score(doc(Number.POSITIVE_INFINITY)), "invalid_value", "/indicators/0/value");
    expectError(
      () => servex.score({ indicators: [], options: { element_weights: { "a/b~": Number.NaN } } }),
      "invalid_value",
      "/options/element_weights/a~1b~0",
    );
    expectError(() => servex.nps({ responses: [1], confidence: Number.NaN }), "invalid_value", "/confidence");
  });

  test("bigints are numbers", () => {
    const r = servex.score({ indicators: [{ id: "a", perspective: "service", value: 5n, baseline: 0n, target: 10n }] });
    assert.equal(r.score, 0.5);
  });

  test("a huge array gives a result or a ServexError quickly enough", () => {
    const responses = new Float64Array(3_000_000).fill(9);
    outcome(() => servex.nps({ responses }));
    const indicators = Array.from({ length: 20_000 }, (_, i) => ({
      id: `k${i}`,
      element: "7.1.1",
      scale: "maturity",
      value: i % 5,
    }));
    const report = servex.score({ indicators });
    assert.equal(report.indicators.length, 20_000);
    assert.equal(report.elements[0].score, 0.5);
    stillWorks();
  });

  test("too many history points is limit_exceeded, from the core", () => {
    const history = Array.from({ length: 100_001 }, (_, i) => ({ period: `p${i}`, value: 1 }));
    const doc = { indicators: [{ id: "a", perspective: "service", value: 1, baseline: 0, target: 2, history }] };
    expectError(() => servex.score(doc), "limit_exceeded", "/indicators/0/history");
  });

  test("a trap inside the module becomes a ServexError and the module is replaced", () => {
    const realCall = glue.call;
    glue.call = () => glue.__servexAbort();
    try {
      const e = expectError(() => servex.score({ indicators: [] }), "internal_error", "");
      assert.ok(e.cause instanceof WebAssembly.RuntimeError, String(e.cause));
    } finally {
      glue.call = realCall;
    }
    stillWorks();
  });

  test("a trap inside the renderer's module becomes a ServexError and that module is replaced", () => {
    const report = servex.score({ indicators: [] });
    const realRender = rendererGlue.render;
    rendererGlue.render = () => rendererGlue.__servexAbort();
    try {
      const e = expectError(() => servex.renderSvg(report, "radar"), "internal_error", "");
      assert.ok(e.cause instanceof WebAssembly.RuntimeError, String(e.cause));
    } finally {
      rendererGlue.render = realRender;
    }
    assert.match(servex.renderSvg(report, "radar"), /^<svg/);
    stillWorks();
  });

  test("a trap left behind by anyone does not break the next call", () => {
    assert.throws(() => glue.__servexAbort(), WebAssembly.RuntimeError);
    stillWorks();
  });

  test("errors keep the module working: 1000 failures then a success", () => {
    for (let i = 0; i < 1000; i++) outcome(() => servex.score({ indicators: [{ id: "" }] }));
    stillWorks();
  });

  test("JSON text with a byte order mark reads as on every front", () => {
    const text =
      '\ufeff{"indicators": [{"id": "a", "perspective": "service", "baseline": 0, "target": 10, "value": 5}]}';
    assert.equal(servex.score(text).score, 0.5);
  });

  test("a lone surrogate is invalid_document where it stands, as in Python", () => {
    const measure = { id: "a", perspective: "service", baseline: 0, target: 1, value: 1 };
    const cases = [
      [() => servex.score({ title: "a\ud800", indicators: [] }), "invalid_document", "/title"],
      [() => servex.score({ indicators: [{ ...measure, id: "\udc00" }] }), "invalid_document", "/indicators/0/id"],
      [() => servex.score({ indicators: [], "\ud800": 1 }), "invalid_document", ""],
      [
        () => servex.kano({ functional: [1], dysfunctional: [5], attributes: ["\ud800"] }),
        "invalid_document",
        "/attributes/0",
      ],
      [
        () => servex.servqual({ expectations: [[3, 4]], perceptions: [[4, 4]], dimensions: { "\ud800": [0, 1] } }),
        "invalid_document",
        "/dimensions",
      ],
      [() => servex.score('{"title": "\ud800", "indicators": []}'), "invalid_json", ""],
    ];
    for (const [call, kind, path] of cases) {
      const { error } = outcome(call);
      assert.ok(error, `${kind} ${path}: expected an error`);
      assert.deepEqual([error.kind, error.path], [kind, path]);
    }
  });

  test("a lone surrogate in a scale metric's column is a value of the wrong type at its row, as in Python", () => {
    for (const [input, kind, path] of [
      [{ responses: [1], groups: ["\ud800"] }, "invalid_value", "/groups/0"],
      [{ responses: [1], weights: ["\ud800"] }, "invalid_value", "/weights/0"],
      [{ responses: [10, "\ud800"] }, "invalid_value", "/responses/1"],
    ]) {
      const { error } = outcome(() => servex.nps(input));
      assert.ok(error, `${kind} ${path}: expected an error`);
      assert.deepEqual([error.kind, error.path], [kind, path]);
    }
    // An invalid response: skipped under `invalid: "skip"`, as a null is.
    assert.deepEqual(
      servex.nps({ responses: [10, "\ud800", 3], invalid: "skip" }),
      servex.nps({ responses: [10, null, 3], invalid: "skip" }),
    );
  });

  test("a required member given as null is refused at that member, as in Python", () => {
    for (const [call, input, path] of [
      ["nps", { responses: null }, "/responses"],
      ["servqual", { expectations: null, perceptions: [[1]] }, "/expectations"],
      ["scoreUnits", { scorecard: { indicators: [] }, units: null }, "/units"],
    ]) {
      const { error } = outcome(() => servex[call](input));
      assert.deepEqual([error.kind, error.path], ["invalid_document", path], call);
    }
  });

  test("too many units are limit_exceeded at /units, as on every front", () => {
    const indicators = Array.from({ length: 11 }, (_, i) => ({
      id: `k${i}`,
      perspective: "service",
      baseline: 0,
      target: 1,
    }));
    const units = Array(1_000_000).fill({ id: "u" });
    const { error } = outcome(() => servex.scoreUnits({ scorecard: { indicators }, units }));
    assert.deepEqual([error.kind, error.path], ["limit_exceeded", "/units"]);
  });

  test("more than a million groups are limit_exceeded before any is tallied, as on every front", () => {
    const n = 1_000_001;
    const responses = new Uint8Array(n).map((_, i) => i % 11);
    const groups = new Uint32Array(n).map((_, i) => i);
    const { error } = outcome(() => servex.nps({ responses, groups }));
    assert.deepEqual([error.kind, error.path], ["limit_exceeded", "/groups"]);
  });
});
