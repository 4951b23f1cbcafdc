// The JavaScript benchmark (benches/js/compare.mjs) still runs, and servex's grouped
// answers equal a plain JavaScript loop's: its --quick mode (small sizes, one
// repetition, no timing claims).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";

import { repo } from "./support.mjs";

test("benches/js/compare.mjs --quick runs and servex agrees with the plain loops", () => {
  const r = spawnSync(process.execPath, [join(repo, "benches", "js", "compare.mjs"), "--quick"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /agree on nps and csat/);
});
