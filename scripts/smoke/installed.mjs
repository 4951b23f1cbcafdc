// The installed npm package, in a new project, through import: the Node entry scores the
// sample to the shared headline (the path of tests/sample/headline.json is the
// argument), and the browser entry, loaded from its files with initSync, gives the same.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { sample, score } from "servex";

const headline = JSON.parse(readFileSync(process.argv[2], "utf8"));
assert.match(import.meta.resolve("servex"), /node_modules\/servex\/servex\.node\.mjs$/);
const report = score(sample());
assert.deepEqual([report.title, report.score], [headline.title, headline.score]);

const files = new URL("node_modules/servex/", import.meta.url);
const web = await import(new URL("servex.js", files).href);
web.initSync(readFileSync(new URL("servex_wasm_bg.wasm", files)));
assert.deepEqual(web.score(web.sample()), report);
console.log(`import: sample ${report.score}, the browser entry too`);
