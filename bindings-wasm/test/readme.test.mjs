// The README's Node quickstart runs, through the built package, and prints what it says.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { bindings, pkgDir } from "./support.mjs";

test("the README's Node quickstart runs and prints what its comments say", () => {
  const readme = readFileSync(join(bindings, "README.md"), "utf8");
  const block = /## Node quickstart\n\n```js\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(block, "no Node quickstart block");
  const code = block.replace('require("servex")', `require(${JSON.stringify(pkgDir)})`);
  const r = spawnSync(process.execPath, ["-e", code], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split("\n");
  assert.equal(lines[0], "0.7949999999999999 amber 0 1");
  assert.match(lines[1], /indicator: 'vision', progress: 0\.75, impact: 0\.125/);
  assert.match(lines[2], /Core service proposition/);
  assert.equal(lines.at(-1), "invalid_indicator /indicators/0/target");
});
