// The package's entries: require() (CommonJS), import under Node (ES module) and the
// browser entry with its explicit init, all giving the same results.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { pathToFileURL } from "node:url";

import { pkgDir, repo, servex } from "./support.mjs";

const DOC = { indicators: [{ id: "a", element: "7.1.1", scale: "maturity", value: 1 }] };

describe("entries", () => {
  test("node -e 'require(\"./bindings-wasm/pkg\")' works from the repository root", () => {
    const r = spawnSync(
      process.execPath,
      ["-e", 'console.log(require("./bindings-wasm/pkg").score({indicators: []}).servex)'],
      {
        cwd: repo,
        encoding: "utf8",
      },
    );
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), "1");
  });

  test("the exports map serves require, Node import and the browser entry", () => {
    const meta = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
    assert.equal(meta.name, "servex");
    assert.equal(meta.license, "MIT OR Apache-2.0");
    assert.equal(meta.exports["."].node.require, "./servex.cjs");
    assert.equal(meta.exports["."].node.default, "./servex.node.mjs");
    assert.equal(meta.exports["."].default, "./servex.js");
    assert.doesNotMatch(readFileSync(join(pkgDir, "servex.js"), "utf8"), /^await\b/m, "no top-level await");
  });

  test("import under Node is ready without init and shares the CommonJS module", async () => {
    const esm = await import(pathToFileURL(join(pkgDir, "servex.node.mjs")).href);
    assert.equal(esm.score(DOC).score, servex.score(DOC).score);
    assert.equal(esm.ServexError, servex.ServexError);
    await esm.init();
  });

  test("the browser entry refuses calls before init, then matches Node", async () => {
    const web = await import(pathToFileURL(join(pkgDir, "servex.js")).href);
    assert.throws(() => web.score(DOC), /not initialised/);
    assert.deepEqual(web.ERROR_KINDS, []);
    web.initSync(readFileSync(join(pkgDir, "servex_wasm_bg.wasm")));
    assert.deepEqual(web.ERROR_KINDS, servex.ERROR_KINDS, "read from the module by init");
    await web.init(); // a second init is a no-op
    assert.deepEqual(web.score(DOC), servex.score(DOC));
    assert.deepEqual(web.catalogue(), servex.catalogue());
    assert.throws(
      () => web.score({}),
      (e) => e.name === "ServexError" && e.kind === "invalid_document",
    );
    assert.equal(web.version(), servex.version());
  });

  test("the browser entry draws only after initRender, as Node draws", async () => {
    const web = await import(pathToFileURL(join(pkgDir, "servex.js")).href);
    web.initSync(readFileSync(join(pkgDir, "servex_wasm_bg.wasm")));
    const report = web.score(DOC);
    assert.throws(() => web.renderSvg(report, "radar"), /renderer is not loaded: call `await initRender\(\)`/);
    web.initRenderSync(readFileSync(join(pkgDir, "servex_wasm_render_bg.wasm")));
    await web.initRender(); // a second load is a no-op
    assert.equal(web.renderSvg(report, "radar"), servex.renderSvg(report, "radar"));
    assert.equal(web.renderHtml(report, DOC), servex.renderHtml(report, DOC));
    assert.throws(
      () => web.renderSvg(report, "pie"),
      (e) => e.name === "ServexError" && e.path === "/chart",
    );
  });

  test("under Node the renderer's module loads on the first drawing, not before", () => {
    const code = `
      const servex = require(${JSON.stringify(pkgDir)});
      const loaded = () => Object.keys(require.cache).some((f) => f.endsWith("servex_wasm_render_node.cjs"));
      const before = loaded();
      const report = servex.score({ indicators: [] });
      const afterScore = loaded();
      servex.renderSvg(report, "pyramid");
      console.log(before, afterScore, loaded());`;
    const r = spawnSync(process.execPath, ["-e", code], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), "false false true");
  });

  test("the renderer's browser glue replaces its instance after a trap", async () => {
    const render = await import(pathToFileURL(join(pkgDir, "servex_wasm_render_web.js")).href);
    const web = await import(pathToFileURL(join(pkgDir, "servex.js")).href);
    web.initSync(readFileSync(join(pkgDir, "servex_wasm_bg.wasm")));
    web.initRenderSync(readFileSync(join(pkgDir, "servex_wasm_render_bg.wasm")));
    assert.throws(() => render.__servexAbort(), WebAssembly.RuntimeError);
    render.__wbg_reset_state();
    const report = web.score(DOC);
    assert.equal(web.renderSvg(report, "radar"), servex.renderSvg(report, "radar"));
  });

  test("the browser entry survives a trap: the instance is replaced", async () => {
    const web = await import(pathToFileURL(join(pkgDir, "servex.js")).href);
    const glue = await import(pathToFileURL(join(pkgDir, "servex_wasm_web.js")).href);
    web.initSync(readFileSync(join(pkgDir, "servex_wasm_bg.wasm")));
    assert.throws(() => glue.__servexAbort(), WebAssembly.RuntimeError);
    glue.__wbg_reset_state();
    assert.deepEqual(web.score(DOC), servex.score(DOC));
  });
});
