// The installed npm package is a release build: none of its files names a test hook
// (the cargo feature `testing` of bindings-wasm), and neither module exports one.
const assert = require("node:assert/strict");
const { readdirSync, readFileSync } = require("node:fs");
const { dirname, join } = require("node:path");

const HOOKS = ["__servexAbort", "defaults"];
const dir = dirname(require.resolve("servex/package.json"));
const files = readdirSync(dir);
for (const file of files) {
  assert.ok(!readFileSync(join(dir, file)).includes("__servexAbort"), `${file} names __servexAbort`);
}
const modules = files.filter((file) => file.endsWith(".wasm"));
assert.deepEqual(modules.sort(), ["servex_wasm_bg.wasm", "servex_wasm_render_bg.wasm"]);
for (const file of modules) {
  const exported = WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(join(dir, file)))).map((e) => e.name);
  assert.ok(exported.includes(file === "servex_wasm_bg.wasm" ? "call" : "render"), `${file}: ${exported}`);
  assert.deepEqual(HOOKS.filter((hook) => exported.includes(hook)), [], `${file} exports a test hook`);
}
console.log(`release: ${files.length} files, no test hook`);
