// Every conformance case of tests/*.json through the package's public API (SPEC 9).
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { isUnknownCall, loadCases, runCase, servex, subsetDiff } from "./support.mjs";

const cases = loadCases();
const pending = [];

describe("conformance", () => {
  test("there are cases for score and catalogue", () => {
    assert.ok(cases.filter((c) => c.call === "score").length > 10);
    assert.ok(cases.some((c) => c.call === "catalogue"));
  });

  for (const c of cases) {
    test(`${c.file}: ${c.id}`, (t) => {
      let result;
      let error;
      try {
        result = runCase(servex, c);
      } catch (e) {
        error = e;
      }
      if (error !== undefined && isUnknownCall(error) && c.call !== "score" && c.call !== "catalogue") {
        // The metric kernels are written on another branch: listed, not failed, until they land.
        pending.push(c.id);
        t.todo(`${c.call}() is not in this core yet`);
        return;
      }
      if (error !== undefined && error.name !== "ServexError") throw error;
      if (c.error) {
        assert.ok(error, `expected error ${c.error.kind} at ${JSON.stringify(c.error.path)}, got a result`);
        assert.deepEqual({ kind: error.kind, path: error.path }, { kind: c.error.kind, path: c.error.path });
      } else {
        assert.equal(error, undefined, `expected a result, got ${error?.kind} at ${JSON.stringify(error?.path)}: ${error?.message}`);
        const diff = subsetDiff(c.expected, result, c.tolerance ?? 1e-9);
        assert.equal(diff, null, diff ?? "");
      }
    });
  }

  test("summary of cases waiting for the metric kernels", (t) => {
    if (pending.length > 0) t.diagnostic(`${pending.length} metric cases pending (core has no such call yet): ${pending.join(", ")}`);
    const waiting = cases.filter((c) => pending.includes(c.id));
    assert.ok(waiting.every((c) => c.call !== "score" && c.call !== "catalogue"), "score and catalogue cases never wait");
  });
});
