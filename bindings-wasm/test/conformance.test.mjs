// Every conformance case of tests/*.json through the package's public API (SPEC 9).
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { loadCases, runCase, servex, subsetDiff } from "./support.mjs";

const cases = loadCases();

describe("conformance", () => {
  test("there are cases for every call", () => {
    for (const call of ["score", "score_units", "catalogue", "nps", "csat", "ces", "servqual", "kano"]) {
      assert.ok(
        cases.some((c) => c.call === call),
        `no case calls ${call}`,
      );
    }
  });

  for (const c of cases) {
    test(`${c.file}: ${c.id}`, () => {
      let result;
      let error;
      try {
        result = runCase(servex, c);
      } catch (e) {
        error = e;
      }
      if (error !== undefined && error.name !== "ServexError") throw error;
      if (c.error) {
        assert.ok(error, `expected error ${c.error.kind} at ${JSON.stringify(c.error.path)}, got a result`);
        assert.deepEqual({ kind: error.kind, path: error.path }, { kind: c.error.kind, path: c.error.path });
      } else {
        assert.equal(
          error,
          undefined,
          `expected a result, got ${error?.kind} at ${JSON.stringify(error?.path)}: ${error?.message}`,
        );
        const diff = subsetDiff(c.expected, result, c.tolerance ?? 1e-9);
        assert.equal(diff, null, diff ?? "");
      }
    });
  }
});
