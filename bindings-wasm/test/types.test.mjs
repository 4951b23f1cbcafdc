// The TypeScript declarations: `tsc --noEmit --strict` over a file that uses every
// export, and the declared keys of each result type equal the keys of real results.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";

import { bindings, pkgDir, servex } from "./support.mjs";

/** The member names of each `export interface X { ... }` of the declarations. */
function declaredKeys() {
  const text = readFileSync(join(pkgDir, "servex.d.ts"), "utf8");
  const out = {};
  for (const m of text.matchAll(/^export interface (\w+)(?: extends \w+)? \{\n([\s\S]*?)^\}/gm)) {
    const keys = [...m[2].matchAll(/^ {2}(\w+)(\??):/gm)].map((k) => ({ name: k[1], optional: k[2] === "?" }));
    out[m[1]] = keys;
  }
  return out;
}

const DECLARED = declaredKeys();

/** Checks that `value`'s keys are the declared ones (required present, nothing undeclared). */
function assertShape(typeName, value) {
  const keys = DECLARED[typeName];
  assert.ok(keys, `no interface ${typeName} in servex.d.ts`);
  const actual = Object.keys(value).sort();
  const declared = keys.map((k) => k.name);
  const undeclared = actual.filter((k) => !declared.includes(k));
  const absent = keys.filter((k) => !k.optional && !actual.includes(k.name)).map((k) => k.name);
  assert.deepEqual({ undeclared, absent }, { undeclared: [], absent: [] }, `${typeName} drifted`);
}

const ACME = JSON.parse(readFileSync(join(bindings, "..", "tests", "scorecard.json"), "utf8")).cases.find(
  (c) => c.id === "score/acme",
).input;

describe("types", () => {
  test("tsc --noEmit --strict accepts a file that uses every export", () => {
    const tsc = join(bindings, "node_modules", "typescript", "bin", "tsc");
    const r = spawnSync(process.execPath, [tsc, "-p", join(bindings, "test", "types", "tsconfig.json")], {
      encoding: "utf8",
    });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  test("the usage file names every runtime export", () => {
    const usage = readFileSync(join(bindings, "test", "types", "usage.mts"), "utf8");
    for (const name of Object.keys(servex)) assert.match(usage, new RegExp(`\\b${name}\\b`), name);
  });

  test("the declarations declare every runtime export, and nothing more", () => {
    const text = readFileSync(join(pkgDir, "servex.d.ts"), "utf8");
    const declared = [...text.matchAll(/^export declare (?:function|const|class) (\w+)/gm)].map((m) => m[1]);
    assert.deepEqual([...new Set(declared)].sort(), Object.keys(servex).sort());
  });

  test("a report has exactly the declared keys, row by row", () => {
    const report = servex.score(ACME);
    assertShape("Report", report);
    const rows = {
      perspectives: "PerspectiveRow",
      dimensions: "DimensionRow",
      elements: "ElementRow",
      levels: "LevelRow",
      principles: "PrincipleRow",
      indicators: "IndicatorRow",
      gaps: "GapRow",
      priorities: "PriorityRow",
    };
    for (const [field, type] of Object.entries(rows)) {
      assert.ok(report[field].length > 0, `${field} is empty in the acme report`);
      for (const row of report[field]) assertShape(type, row);
    }
    const trends = report.indicators.filter((r) => r.trend !== null);
    assert.ok(trends.length > 0);
    for (const r of trends) assertShape("Trend", r.trend);
  });

  test("sample() has exactly the declared keys", () => {
    const doc = servex.sample();
    assertShape("ScorecardDocument", doc);
    for (const p of doc.perspectives) assertShape("PerspectiveWeight", p);
    for (const i of doc.indicators) {
      assertShape("Indicator", i);
      for (const h of i.history ?? []) assertShape("HistoryPoint", h);
      if (i.thresholds) assertShape("Thresholds", i.thresholds);
    }
  });

  test("catalogue() has exactly the declared keys", () => {
    const f = servex.catalogue();
    assertShape("Framework", f);
    for (const p of f.principles) assertShape("Principle", p);
    for (const d of f.dimensions) {
      assertShape("Dimension", d);
      for (const e of d.elements) assertShape("Element", e);
    }
    for (const l of f.levels) assertShape("Level", l);
    for (const p of f.perspectives) assertShape("Perspective", p);
  });

  const METRICS = [
    ["nps", { responses: [10, 9, 8, 7, 6, 0] }, (r) => assertShape("NpsResult", r)],
    ["csat", { responses: [5, 4, 3, 1] }, (r) => assertShape("CsatResult", r)],
    ["ces", { responses: [7, 6, 2] }, (r) => assertShape("CesResult", r)],
    [
      "servqual",
      {
        expectations: [
          [5, 6],
          [6, 6],
        ],
        perceptions: [
          [6, 6],
          [5, 7],
        ],
        dimensions: { a: [0], b: [1] },
      },
      (r) => assertShape("ServqualResult", r),
    ],
    [
      "kano",
      { functional: [1, 2, 1], dysfunctional: [5, 5, 2] },
      (r) => {
        assertShape("KanoResult", r);
        for (const a of r.attributes) {
          assertShape("KanoAttribute", a);
          assertShape("KanoCounts", a.counts);
        }
      },
    ],
  ];
  for (const [call, input, check] of METRICS) {
    test(`${call}() has exactly the declared keys`, () => {
      check(servex[call](input));
    });
  }
});
