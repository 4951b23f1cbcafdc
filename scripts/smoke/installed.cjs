// The installed npm package, in a new project, through require(): the sample scores to
// the shared headline (the path of tests/sample/headline.json is the argument), and the
// renderer's module is in the tarball.
const assert = require("node:assert/strict");
const { readFileSync } = require("node:fs");
const servex = require("servex");

const headline = JSON.parse(readFileSync(process.argv[2], "utf8"));
assert.match(require.resolve("servex"), /node_modules[\\/]servex[\\/]servex\.cjs$/);
const report = servex.score(servex.sample());
assert.deepEqual([report.title, report.score], [headline.title, headline.score]);
assert.ok(servex.renderSvg(report, "radar").startsWith("<svg"));
console.log(`require: servex ${servex.version()}, sample ${report.score}`);
