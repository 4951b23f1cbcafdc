// sample(): the core's sample document, scored to the headline every front expects.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { pathToFileURL } from "node:url";

import { HEADLINE, pkgDir, repo, servex } from "./support.mjs";

describe("sample", () => {
  test("score(sample()) is the shared headline", () => {
    const report = servex.score(servex.sample());
    assert.equal(report.title, HEADLINE.title);
    assert.equal(report.score, HEADLINE.score);
  });

  test("sample() is the core's document, a fresh object at each call", () => {
    const core = JSON.parse(readFileSync(join(repo, "core", "data", "sample-home-care.json"), "utf8"));
    const doc = servex.sample();
    assert.deepEqual(doc, core);
    doc.indicators.length = 0;
    assert.deepEqual(servex.sample(), core);
  });

  test("the browser entry gives it before init()", async () => {
    const web = await import(pathToFileURL(join(pkgDir, "servex.js")).href);
    assert.deepEqual(web.sample(), servex.sample());
  });
});
