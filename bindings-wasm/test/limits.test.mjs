// SPEC 8's limits from JavaScript, exactly at the boundary and one past it, and the
// memory a refusal costs; then the hostile inputs hostile.test.mjs does not cover
// (typed-array kinds, sparse arrays, proxies, toJSON, frozen objects, symbols inside
// documents, renderHtml/renderSvg with hostile reports). Always a result or a
// ServexError, and after every error the module still gives right answers.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { outcome, servex } from "./support.mjs";

const MAX_INDICATORS = 1_000_000;
const MAX_HISTORY = 100_000;
const MAX_ID = 256;
const MAX_DEPTH = 64;

function expectError(fn, kind, path) {
  const { error } = outcome(fn);
  assert.ok(error, "expected a ServexError, got a result");
  assert.deepEqual({ kind: error.kind, path: error.path }, { kind, path }, error.message);
  return error;
}

const measure = (id, extra = {}) => ({ id, perspective: "service", baseline: 0, target: 1, value: 1, ...extra });
const NPS = [10, 9, 8, 7, 6, 0, 10, 9, 3, 10];
const NPS_EXPECTED = servex.nps({ responses: NPS });
const SAMPLE = {
  indicators: [
    { id: "vision", element: "7.1.1", scale: "maturity", value: 3 },
    measure("nps", { value: 42, target: 50 }),
  ],
};
const SAMPLE_REPORT = servex.score(SAMPLE);

/** Right answers again: the module was not left broken by what came before. */
function stillRight() {
  assert.deepEqual(servex.nps({ responses: NPS }), NPS_EXPECTED);
  assert.deepEqual(servex.score(SAMPLE), SAMPLE_REPORT);
  assert.equal(servex.score({ indicators: [{ id: "a", element: "7.1.1", scale: "maturity", value: 3 }] }).score, 0.75);
}

const nestedArrays = (depth) => {
  let v = [];
  for (let i = 1; i < depth; i++) v = [v];
  return v;
};
const nestedObjects = (depth) => {
  let v = {};
  for (let i = 1; i < depth; i++) v = { a: v };
  return v;
};

describe("limits at the boundary and one past", () => {
  test("1,000,000 indicators are counted in; 1,000,001 is limit_exceeded at /indicators", () => {
    // Nulls: each would be an invalid indicator, so the count is checked first.
    expectError(
      () => servex.score({ indicators: new Array(MAX_INDICATORS).fill(null) }),
      "invalid_document",
      "/indicators/0",
    );
    expectError(
      () => servex.score({ indicators: new Array(MAX_INDICATORS + 1).fill(null) }),
      "limit_exceeded",
      "/indicators",
    );
    const text = `{"indicators":[${"null,".repeat(MAX_INDICATORS)}null]}`;
    expectError(() => servex.score(text), "limit_exceeded", "/indicators");
    stillRight();
  });

  test("refusing 1,000,001 indicators does not cost a multiple of the document", () => {
    const ind = measure("a");
    const doc = { indicators: new Array(MAX_INDICATORS + 1).fill(ind) };
    const size = JSON.stringify(doc).length; // the document as the text it stands for
    outcome(() => servex.score({ indicators: new Array(10).fill(ind) })); // warm up
    globalThis.gc?.();
    const before = process.memoryUsage();
    expectError(() => servex.score(doc), "limit_exceeded", "/indicators");
    const after = process.memoryUsage();
    const grew = after.rss - before.rss + (after.arrayBuffers - before.arrayBuffers);
    assert.ok(grew < size, `refusing a ${size}-byte document grew memory by ${grew} bytes`);
    stillRight();
  });

  test("100,000 history points are read; 100,001 is limit_exceeded at /indicators/0/history", () => {
    const point = { period: "p", value: 0.5 };
    const ok = servex.score({ indicators: [measure("a", { history: new Array(MAX_HISTORY).fill(point) })] });
    assert.equal(ok.score, 1);
    const over = { indicators: [measure("a", { history: new Array(MAX_HISTORY + 1).fill(point) })] };
    expectError(() => servex.score(over), "limit_exceeded", "/indicators/0/history");
    expectError(() => servex.score(JSON.stringify(over)), "limit_exceeded", "/indicators/0/history");
    stillRight();
  });

  for (const char of ["é", "€", "𝄞"]) {
    test(`ids of 256 code points are read, 257 refused (${char}: ${Buffer.byteLength(char)} bytes)`, () => {
      const ok = char.repeat(MAX_ID);
      assert.equal(servex.score({ indicators: [measure(ok)] }).indicators[0].id, ok);
      assert.equal(servex.score(JSON.stringify({ indicators: [measure(ok)] })).score, 1);
      const over = { indicators: [measure(ok + char)] };
      expectError(() => servex.score(over), "limit_exceeded", "/indicators/0/id");
      expectError(() => servex.score(JSON.stringify(over)), "limit_exceeded", "/indicators/0/id");
    });
  }

  for (const [label, build] of [
    ["arrays", nestedArrays],
    ["objects", nestedObjects],
  ]) {
    test(`${label} nested 64 deep are read, 65 refused at "", as objects and as text`, () => {
      // The document is depth 1: its "meta" holds 63 levels at the limit.
      // No member of a valid document nests that deep: at the limit the fault is the
      // unknown member, one past it the depth.
      const ok = { indicators: [], meta: build(MAX_DEPTH - 1) };
      expectError(() => servex.score(ok), "invalid_document", "/meta");
      expectError(() => servex.score(JSON.stringify(ok)), "invalid_document", "/meta");
      const over = { indicators: [], meta: build(MAX_DEPTH) };
      expectError(() => servex.score(over), "limit_exceeded", "");
      expectError(() => servex.score(JSON.stringify(over)), "limit_exceeded", "");
      // The top-level value alone: 64 deep is not a document, 65 is too deep.
      assert.equal(outcome(() => servex.score(build(MAX_DEPTH))).error.kind, "invalid_document");
      expectError(() => servex.score(build(MAX_DEPTH + 1)), "limit_exceeded", "");
      expectError(() => servex.nps({ responses: [9], deep: build(MAX_DEPTH) }), "limit_exceeded", "");
      stillRight();
    });
  }
});

describe("more hostile inputs", () => {
  test("typed arrays of every kind give the plain array's answer", () => {
    for (const Kind of [
      Uint8Array,
      Int8Array,
      Uint16Array,
      Int16Array,
      Uint32Array,
      Int32Array,
      Float32Array,
      Float64Array,
      Uint8ClampedArray,
    ]) {
      assert.deepEqual(servex.nps({ responses: Kind.from(NPS) }), NPS_EXPECTED, Kind.name);
    }
    for (const Kind of [BigInt64Array, BigUint64Array]) {
      assert.deepEqual(servex.nps({ responses: Kind.from(NPS.map(BigInt)) }), NPS_EXPECTED, Kind.name);
    }
    const withNaN = Float32Array.from([9, Number.NaN, 10]);
    expectError(() => servex.nps({ responses: withNaN }), "invalid_value", "/responses/1");
    assert.equal(servex.nps({ responses: withNaN, invalid: "skip" }).skipped, 1);
    const withInf = Float32Array.from([9, 10, Number.POSITIVE_INFINITY]);
    expectError(() => servex.nps({ responses: withInf }), "invalid_value", "/responses/2");
    const huge = BigInt64Array.from([9n, 2n ** 62n]);
    expectError(() => servex.nps({ responses: huge }), "invalid_value", "/responses/1");
    stillRight();
  });

  test("DataView, ArrayBuffer and SharedArrayBuffer are not columns", () => {
    const bytes = Uint8Array.from(NPS);
    for (const responses of [new DataView(bytes.buffer), bytes.buffer, new SharedArrayBuffer(4)]) {
      const { error } = outcome(() => servex.nps({ responses }));
      assert.ok(error, String(responses));
      assert.equal(error.kind, "invalid_document");
      assert.ok(error.path === "/responses" || error.path === "", error.path);
    }
    stillRight();
  });

  test("sparse arrays: a hole is a missing answer at its index", () => {
    // biome-ignore lint/suspicious/noSparseArray: a hole is what this test is about.
    const holes = [10, 9, , 8];
    expectError(() => servex.nps({ responses: holes }), "invalid_value", "/responses/2");
    assert.equal(servex.nps({ responses: holes, invalid: "skip" }).skipped, 1);
    const sparse = [];
    sparse[1_000_000] = 9;
    expectError(() => servex.nps({ responses: sparse }), "invalid_value", "/responses/0");
    // biome-ignore lint/suspicious/noSparseArray: a hole is what this test is about.
    const indicators = [, measure("a")];
    assert.equal(outcome(() => servex.score({ indicators })).error.path, "/indicators/0");
    stillRight();
  });

  test("transparent proxies, toJSON and frozen objects give the plain object's answer", () => {
    const proxied = new Proxy(structuredClone(SAMPLE), {});
    assert.deepEqual(servex.score(proxied), SAMPLE_REPORT);
    const deepProxy = { indicators: SAMPLE.indicators.map((i) => new Proxy(i, {})) };
    assert.deepEqual(servex.score(deepProxy), SAMPLE_REPORT);
    assert.deepEqual(servex.score({ toJSON: () => SAMPLE }), SAMPLE_REPORT);
    assert.deepEqual(servex.nps({ responses: { toJSON: () => NPS } }), NPS_EXPECTED);
    const frozen = Object.freeze({ indicators: Object.freeze(SAMPLE.indicators.map((i) => Object.freeze({ ...i }))) });
    assert.deepEqual(servex.score(frozen), SAMPLE_REPORT);
    assert.deepEqual(servex.nps(Object.freeze({ responses: Object.freeze([...NPS]) })), NPS_EXPECTED);
    // A proxy that lies: says it has keys it then throws on.
    const liar = new Proxy(
      {},
      {
        ownKeys: () => ["indicators"],
        getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true, value: [] }),
        get() {
          throw new Error("no");
        },
      },
    );
    expectError(() => servex.score(liar), "invalid_document", "");
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    expectError(() => servex.score(revocable.proxy), "invalid_document", "");
    stillRight();
  });

  test("symbols and functions inside documents", () => {
    // JSON drops symbol keys and symbol or function members; in arrays they are null.
    assert.deepEqual(servex.score({ ...SAMPLE, [Symbol("x")]: 1, extra: undefined }), SAMPLE_REPORT);
    expectError(() => servex.nps({ responses: [9, Symbol("x"), 10] }), "invalid_value", "/responses/1");
    expectError(() => servex.nps({ responses: [9, () => 1, 10] }), "invalid_value", "/responses/1");
    outcome(() => servex.score({ indicators: [{ ...measure("a"), value: Symbol("v") }] }));
    stillRight();
  });

  test("getters that throw anywhere in the input", () => {
    // A RangeError of the caller's own is no limit: invalid_document, like any other.
    const indicator = measure("a");
    Object.defineProperty(indicator, "value", {
      get() {
        throw new RangeError("deep");
      },
      enumerable: true,
    });
    const deep = { indicators: [indicator] };
    const e = expectError(() => servex.score(deep), "invalid_document", "");
    assert.ok(e.cause instanceof RangeError);
    const column = [9, 10];
    Object.defineProperty(column, 1, {
      get() {
        throw new Error("cell");
      },
      enumerable: true,
    });
    expectError(() => servex.nps({ responses: column }), "invalid_document", "");
    stillRight();
  });

  const hostileReports = {
    undefined: undefined,
    null: null,
    "a symbol": Symbol("r"),
    "a number": 1,
    "a string": "<svg>",
    "an empty object": {},
    "a document instead of a report": SAMPLE,
    "a report missing its levels": { ...SAMPLE_REPORT, levels: undefined },
    "a report with wrong types": { ...SAMPLE_REPORT, score: "high", indicators: "none", elements: [null] },
    "a report with NaN": { ...SAMPLE_REPORT, score: Number.NaN },
    "a report with a huge title": { ...SAMPLE_REPORT, title: "<".repeat(1_000_000) },
    "a cyclic report": (() => {
      const r = structuredClone(SAMPLE_REPORT);
      r.self = r;
      return r;
    })(),
    "a report 65 deep": { ...SAMPLE_REPORT, meta: nestedArrays(MAX_DEPTH) },
    "a proxy that throws": new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("trap");
        },
      },
    ),
  };

  for (const [label, report] of Object.entries(hostileReports)) {
    test(`renderHtml and renderSvg with ${label}`, () => {
      for (const chart of [
        "radar",
        "pyramid",
        "perspectives",
        "nope",
        undefined,
        Symbol("c"),
        3,
        { toString: () => "radar" },
      ]) {
        const { result } = outcome(() => servex.renderSvg(report, chart));
        if (result !== undefined) assert.equal(typeof result, "string");
      }
      for (const doc of [undefined, null, SAMPLE, "{not json", nestedObjects(MAX_DEPTH + 1), Symbol("d")]) {
        const { result } = outcome(() => servex.renderHtml(report, doc));
        if (result !== undefined) assert.equal(typeof result, "string");
      }
      assert.equal(servex.renderSvg(SAMPLE_REPORT, "radar"), servex.renderSvg(structuredClone(SAMPLE_REPORT), "radar"));
      assert.ok(servex.renderHtml(SAMPLE_REPORT, SAMPLE).includes("<svg"));
      stillRight();
    });
  }

  test("two thousand failing calls of every kind leave right answers", () => {
    const failing = [
      () => servex.score(undefined),
      () => servex.nps({ responses: [11] }),
      () => servex.score("{"),
      () => servex.renderSvg(null, "radar"),
      () => servex.kano({ functional: [[9]], dysfunctional: [[1]] }),
    ];
    for (let i = 0; i < 2000; i++) {
      const { error } = outcome(failing[i % failing.length]);
      assert.ok(error);
    }
    stillRight();
  });
});
