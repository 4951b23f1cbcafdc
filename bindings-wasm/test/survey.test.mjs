// Weights, tallies and comparisons (SPEC 10, 11) through the package: typed arrays
// answer as plain ones, a tally answers as its raw rows, hostile weights are typed
// errors, and a compared result draws as a forest plot.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { outcome, servex, subsetDiff } from "./support.mjs";

/** A seeded survey: answers 0..12 (some off every scale), four groups, weights. */
function survey(n, seed) {
  let x = seed;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  const rows = [];
  for (let i = 0; i < n; i++) {
    rows.push({
      answer: Math.floor(next() * 13),
      group: Math.floor(next() * 4),
      weight: next() < 0.1 ? 0 : 0.05 + next() * 5,
    });
  }
  return rows;
}

/** The rows' tally, per group and answer: SPEC 10's columns, in the order given. */
function tallyOf(rows) {
  const cells = new Map();
  for (const r of rows) {
    const key = `${r.group}:${r.answer}`;
    const c = cells.get(key) ?? { group: r.group, answer: r.answer, n: 0, w: 0, q: 0 };
    c.n += 1;
    c.w += r.weight;
    c.q += r.weight * r.weight;
    cells.set(key, c);
  }
  const list = [...cells.values()].reverse();
  return {
    responses: list.map((c) => c.answer),
    groups: list.map((c) => c.group),
    counts: list.map((c) => c.n),
    weights: list.map((c) => c.w),
    weights_sq: list.map((c) => c.q),
  };
}

const byLabel = (result) => [...result.groups].sort((a, b) => a.group - b.group);

describe("survey statistics", () => {
  test("typed weights and counts answer as plain arrays", () => {
    const responses = [10, 9, 3, 7, 0, 10, 8];
    const weights = [1.5, 0.5, 2, 1, 0, 1.25, 3];
    const plain = servex.nps({ responses, groups: [1, 2, 1, 2, 1, 2, 1], weights, compare: "first" });
    const typed = servex.nps({
      responses: new Uint8Array(responses),
      groups: new Uint32Array([1, 2, 1, 2, 1, 2, 1]),
      weights: new Float64Array(weights),
      compare: "first",
    });
    assert.deepEqual(typed, plain);
    assert.equal(plain.groups[1].comparison.against, 1);
    const counted = servex.csat({ responses: new Float32Array([5, 4, 1]), counts: new Uint16Array([10, 3, 2]) });
    assert.deepEqual(counted, servex.csat({ responses: [5, 4, 1], counts: [10, 3, 2] }));
    assert.equal(counted.n, 15);
  });

  for (const seed of [1, 7, 42]) {
    test(`raw answers and their tally agree (seed ${seed})`, () => {
      const rows = survey(200, seed);
      const raw = {
        responses: rows.map((r) => r.answer),
        groups: rows.map((r) => r.group),
        weights: rows.map((r) => r.weight),
      };
      const tally = tallyOf(rows);
      for (const [metric, options] of [
        ["nps", { method: "wald", compare: "rest" }],
        ["csat", { compare: "first", adjust: "bh" }],
        ["ces", { compare: { group: 2 } }],
      ]) {
        const a = servex[metric]({ ...raw, ...options, invalid: "skip" });
        const b = servex[metric]({ ...tally, ...options, invalid: "skip" });
        assert.ok(a.groups.length > 0);
        const diff = subsetDiff(
          byLabel(a).map(({ comparison, ...g }) => g),
          byLabel(b).map(({ comparison, ...g }) => g),
          1e-9,
        );
        assert.equal(diff, null, `${metric}: ${diff}`);
      }
    });
  }

  test("constant weights give the unweighted result", () => {
    const rows = survey(120, 3);
    const responses = rows.map((r) => r.answer);
    const groups = rows.map((r) => r.group);
    for (const metric of ["nps", "csat", "ces"]) {
      const plain = servex[metric]({ responses, groups, invalid: "skip", compare: "previous" });
      const weighted = servex[metric]({
        responses,
        groups,
        invalid: "skip",
        compare: "previous",
        weights: new Float64Array(rows.length).fill(2.5),
      });
      assert.equal(subsetDiff(plain, weighted, 1e-12), null, metric);
    }
  });

  test("hostile weights are typed errors at their path", () => {
    const responses = [9, 10, 3];
    const cases = [
      [[1, NaN, 1], "invalid_value", "/weights/1"],
      [new Float64Array([1, Infinity, 1]), "invalid_value", "/weights/1"],
      [[1, -1, 1], "invalid_value", "/weights/1"],
      [[1, [2], 1], "invalid_value", "/weights/1"],
      [[1, 5e-324, 1], "invalid_value", "/weights/1"],
      [[1e200, 1, 1], "invalid_value", "/weights"],
      [[1e-200, 1e-200, 1e-200], "invalid_value", "/weights"],
      [[1, 2], "invalid_document", "/weights"],
      ["1,2,3", "invalid_document", "/weights"],
    ];
    for (const [weights, kind, path] of cases) {
      for (const column of [responses, new Uint8Array(responses)]) {
        const { error } = outcome(() => servex.nps({ responses: column, weights }));
        assert.ok(error, `${weights}: expected an error`);
        assert.deepEqual({ kind: error.kind, path: error.path }, { kind, path }, String(weights));
      }
    }
  });

  test("a compared result draws as a forest plot", () => {
    const result = servex.ces({
      responses: [7, 6, 2, 1, 7, 5, 3, 2],
      groups: ["web", "web", "phone", "phone", "store", "store", "web", "phone"],
      compare: "first",
    });
    const svg = servex.renderComparison(result);
    assert.match(svg, /^<svg/);
    assert.match(svg, /Differences between groups/);
    for (const label of ["web", "phone", "store"]) assert.ok(svg.includes(`>${label}<`), label);
    assert.match(svg, /reference/);
    const { error } = outcome(() => servex.renderComparison({ nothing: true }));
    assert.deepEqual([error.kind, error.path], ["invalid_document", "/comparison/groups"]);
  });

  test("a result with a funnel draws as a funnel plot", () => {
    const responses = [...Array(40).fill(10), ...Array(40).fill(0), 9, 3, 10, 7, 8, 6];
    const groups = [...Array(40).fill("top"), ...Array(40).fill("low"), "a", "a", "b", "b", "c", "c"];
    const result = servex.nps({ responses, groups, funnel: true });
    assert.equal(result.groups[0].funnel.flag, "high");
    const svg = servex.renderFunnel(result);
    assert.match(svg, /Funnel plot/);
    assert.ok(svg.includes(">top<") && svg.includes(">low<"));
    const { error } = outcome(() => servex.renderFunnel({ groups: [] }));
    assert.deepEqual([error.kind, error.path], ["invalid_document", "/funnel/funnel"]);
  });
});
