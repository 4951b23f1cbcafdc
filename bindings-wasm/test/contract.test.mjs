// One contract, written once: the error kinds, the reading of non-finite numbers, the
// indicator limit and the options' defaults are the core's, asked of the module, and
// the facade follows whatever the module answers.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, test } from "node:test";
import ts from "typescript";

import { bindings, glue, outcome, pkgDir, rendererGlue, servex } from "./support.mjs";

/** Runs `fn` with the glue's export `name` replaced by `stand`. */
function standingIn(module, name, stand, fn) {
  const real = module[name];
  module[name] = stand;
  try {
    return fn();
  } finally {
    module[name] = real;
  }
}

function errorOf(fn) {
  const { error } = outcome(fn);
  assert.ok(error, "expected a ServexError, got a result");
  return error;
}

/** The `@default` of each member of interface `name` in servex.d.ts, inherited ones too. */
function documentedDefaults(name) {
  const file = join(bindings, "js", "servex.d.ts");
  const program = ts.createProgram([file], { strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const symbol = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(file)));
  const declared = symbol.find((s) => s.name === name);
  assert.ok(declared, `no ${name} in servex.d.ts`);
  const out = {};
  for (const member of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(declared))) {
    const tag = member.getJsDocTags(checker).find((t) => t.name === "default");
    if (tag) out[member.name] = JSON.parse(ts.displayPartsToString(tag.text));
  }
  return out;
}

describe("the contract comes from the core", () => {
  test("NaN in a Kano matrix is a skipped answer, as null is (and as in Python)", () => {
    const dysfunctional = [
      [5, 5],
      [4, 4],
    ];
    const withNaN = servex.kano({
      functional: [
        [1, Number.NaN],
        [2, 3],
      ],
      dysfunctional,
    });
    const withNull = servex.kano({
      functional: [
        [1, null],
        [2, 3],
      ],
      dysfunctional,
    });
    assert.deepEqual(withNaN, withNull);
    assert.deepEqual([withNaN.attributes[1].attribute, withNaN.attributes[1].n], [1, 1]);
  });

  test("NaN is a missing answer in every metric's answer columns, a typed row's too", () => {
    const expectations = [
      [5, 6],
      [6, 6],
    ];
    const missing = servqual({
      expectations,
      perceptions: [
        [6, null],
        [5, 7],
      ],
    });
    assert.deepEqual(
      servqual({
        expectations,
        perceptions: [
          [6, Number.NaN],
          [5, 7],
        ],
      }),
      missing,
    );
    assert.deepEqual(servqual({ expectations, perceptions: [Float64Array.of(6, Number.NaN), [5, 7]] }), missing);
    const skip = { invalid: "skip" };
    assert.deepEqual(
      servex.nps({ responses: [10, Number.NaN, 3], ...skip }),
      servex.nps({ responses: [10, null, 3], ...skip }),
    );
    function servqual(input) {
      return servex.servqual({ ...input, dimensions: { a: [0], b: [1] } });
    }
  });

  test("a non-finite number outside the answer columns is the core's invalid_value", () => {
    const e = errorOf(() => servex.kano({ functional: [1], dysfunctional: [5], attributes: [Number.NaN] }));
    assert.deepEqual(
      [e.kind, e.path, e.message],
      ["invalid_value", "/attributes/0", 'NaN is not a finite number (at "/attributes/0")'],
    );
    const drawn = errorOf(() => servex.renderSvg({ score: Number.NEGATIVE_INFINITY }, "radar"));
    assert.deepEqual([drawn.kind, drawn.path], ["invalid_value", "/report/score"]);
    assert.match(drawn.message, /^-Infinity is not a finite number/);
  });

  test("each non-finite number is read by the module's nonFinite, the renderer's for a drawing", () => {
    const stand = () => '{"error":{"kind":"invalid_value","message":"stood in","path":"/stand"}}';
    const e = standingIn(glue, "nonFinite", stand, () =>
      errorOf(() => servex.kano({ functional: [Number.NaN], dysfunctional: [5] })),
    );
    assert.deepEqual([e.kind, e.path], ["invalid_value", "/stand"]);
    const replaced = standingIn(
      glue,
      "nonFinite",
      () => '{"ok":5}',
      () => servex.kano({ functional: [Number.NaN], dysfunctional: [5] }),
    );
    assert.deepEqual(replaced, servex.kano({ functional: [5], dysfunctional: [5] }));
    const drawn = standingIn(rendererGlue, "nonFinite", stand, () =>
      errorOf(() => servex.renderSvg({ score: Number.NaN }, "radar")),
    );
    assert.equal(drawn.path, "/stand");
  });

  test("a trap while reading a non-finite number is internal_error, and the module is replaced", () => {
    const e = standingIn(
      glue,
      "nonFinite",
      () => glue.__servexAbort(),
      () => errorOf(() => servex.nps({ responses: [Number.NaN] })),
    );
    assert.deepEqual([e.kind, e.path], ["internal_error", ""]);
    assert.ok(e.cause instanceof WebAssembly.RuntimeError);
    assert.equal(servex.nps({ responses: [10] }).n, 1);
  });

  test("the indicator limit and its message are the module's", () => {
    const count = 1_000_001;
    const e = errorOf(() => servex.score({ indicators: new Array(count).fill(null) }));
    const core = JSON.parse(glue.checkIndicatorCount(count)).error;
    assert.deepEqual([e.kind, e.path, e.message], [core.kind, core.path, `${core.message} (at "/indicators")`]);
    assert.equal(glue.checkIndicatorCount(count - 1), undefined);
    // The facade asks the module for every document, and follows what it answers.
    const refusal = '{"error":{"kind":"limit_exceeded","message":"stood in","path":"/indicators"}}';
    const stood = standingIn(
      glue,
      "checkIndicatorCount",
      (n) => (n > 1 ? refusal : undefined),
      () => errorOf(() => servex.score({ indicators: [{ id: "a" }, { id: "b" }] })),
    );
    assert.equal(stood.message, 'stood in (at "/indicators")');
  });

  test("ERROR_KINDS is the module's list, read once at load", () => {
    assert.deepEqual(servex.ERROR_KINDS, JSON.parse(glue.errorKinds()));
    assert.ok(Object.isFrozen(servex.ERROR_KINDS));
    const code = `
      const glue = require(${JSON.stringify(join(pkgDir, "servex_wasm_node.cjs"))});
      glue.errorKinds = () => '["stood_in"]';
      console.log(JSON.stringify(require(${JSON.stringify(pkgDir)}).ERROR_KINDS));`;
    const r = spawnSync(process.execPath, ["-e", code], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), '["stood_in"]');
  });

  test("the declarations' @default of each metric's options are the core's defaults", () => {
    const inputs = {
      nps: "NpsInput",
      csat: "CsatInput",
      ces: "CesInput",
      servqual: "ServqualInput",
      kano: "KanoInput",
    };
    for (const [call, input] of Object.entries(inputs)) {
      assert.deepEqual(
        documentedDefaults(input),
        JSON.parse(glue.defaults(call)),
        `${input} against defaults("${call}")`,
      );
    }
  });
});
