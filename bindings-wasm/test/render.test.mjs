// Charts and the HTML report through the package: the core's bytes, the same as the
// command line's and Python's.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { here, servex } from "./support.mjs";

const root = join(here, "..", "..");
const sample = JSON.parse(readFileSync(join(root, "core", "data", "sample-home-care.json"), "utf8"));

test("renderHtml is byte-identical to `servex demo --html`", () => {
  const cli = execFileSync("cargo", ["run", "-q", "-p", "servex-cli", "--", "demo", "--html", "-"], {
    cwd: root,
    maxBuffer: 16 * 1024 * 1024,
  });
  assert.equal(servex.renderHtml(servex.score(sample), sample), cli.toString("utf8"));
});

test("renderSvg draws each chart with the report's numbers", () => {
  const report = servex.score(sample);
  for (const chart of ["radar", "pyramid", "perspectives"]) {
    const svg = servex.renderSvg(report, chart);
    assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /<title[ >]/);
  }
  const pyramid = servex.renderSvg(report, "pyramid");
  for (const level of report.levels)
    assert.ok(pyramid.includes(`${(100 * level.score).toFixed(1)}%`), `level ${level.level}`);
});

test("bad render input is a ServexError with a path", () => {
  const report = servex.score(sample);
  assert.throws(() => servex.renderSvg(report, "pie"), {
    name: "ServexError",
    kind: "invalid_document",
    path: "/chart",
  });
  assert.throws(() => servex.renderHtml({ score: "high" }), { name: "ServexError", path: "/report/score" });
  assert.throws(() => servex.renderHtml(undefined), { name: "ServexError", kind: "invalid_document" });
});

test("renderUnits and renderUnitsHtml are byte-identical to `servex report-units`", () => {
  const template = {
    indicators: [
      { id: "nps", element: "7.3.1", baseline: 0, target: 60 },
      { id: "wait", element: "7.4.1", baseline: 20, target: 5 },
    ],
  };
  const units = Array.from({ length: 30 }, (_, u) => ({ id: `branch-${u}`, values: { nps: u * 2, wait: 20 - u / 2 } }));
  const input = JSON.stringify({ scorecard: template, units });
  const result = servex.scoreUnits(input);
  for (const [flags, drawn] of [
    [[], servex.renderUnitsHtml(result)],
    [["--svg"], servex.renderUnits(result)],
  ]) {
    const cli = execFileSync("cargo", ["run", "-q", "-p", "servex-cli", "--", "report-units", "-", ...flags], {
      cwd: root,
      input,
      maxBuffer: 16 * 1024 * 1024,
    });
    assert.equal(drawn, cli.toString("utf8"));
  }
  assert.throws(() => servex.renderUnits({ groups: [] }), { name: "ServexError", path: "/units/units" });
});
