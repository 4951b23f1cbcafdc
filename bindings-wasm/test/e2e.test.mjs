// End to end: headless Chromium (driven by playwright-core) uses the demo page, served
// from bindings-wasm/ alone (the page reads nothing else) on a free loopback port: it
// first shows the sample's shared headline, and after a change the score the Node
// package computes for the changed document.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { after, before, describe, test } from "node:test";

import { bindings, HEADLINE, servex } from "./support.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SHOT = join(bindings, "test-results", "demo.png");
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
};

function serve(rootDir) {
  const server = createServer((req, res) => {
    const path = normalize(join(rootDir, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    if (!path.startsWith(rootDir + sep) || !existsSync(path)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
    res.end(readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const pct = (x) => `${(x * 100).toFixed(1)} %`;

describe("demo in headless Chromium", { skip: existsSync(CHROMIUM) ? false : `no browser at ${CHROMIUM}` }, () => {
  let server;
  let browser;
  let page;
  const problems = [];

  before(async () => {
    const { chromium } = await import("playwright-core");
    server = await serve(bindings);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
    page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    const { port } = server.address();
    await page.goto(`http://127.0.0.1:${port}/demo/index.html`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 20_000 });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  });

  const shownDocument = async () => JSON.parse(await page.textContent("#document"));
  const shownScore = async () => page.getAttribute("#score", "data-value");

  test("the page scores the package's sample to the shared headline", async () => {
    assert.deepEqual(await shownDocument(), servex.sample());
    assert.equal((await page.textContent("#doc-title")).trim(), HEADLINE.title);
    assert.equal(await shownScore(), String(HEADLINE.score));
    assert.equal((await page.textContent("#score")).trim(), pct(HEADLINE.score));
  });

  test("the charts come from the renderer's module, loaded by initRender()", async () => {
    const titles = await page.$$eval("#charts svg > title", (ts) => ts.map((t) => t.textContent));
    const report = servex.score(await shownDocument());
    const expected = ["radar", "pyramid"].map(
      (chart) => /<title[^>]*>([^<]*)<\/title>/.exec(servex.renderSvg(report, chart))[1],
    );
    assert.deepEqual(titles, expected);
  });

  test("changing a rating shows the score of the changed document", async () => {
    const before = await shownDocument();
    const rating = before.indicators.find((i) => i.element === "7.3.2" && i.scale === "maturity");
    assert.ok(rating, "the sample rates element 7.3.2");
    const changedTo = rating.value === 4 ? 0 : 4;
    const expectedDoc = structuredClone(before);
    expectedDoc.indicators.find((i) => i.id === rating.id).value = changedTo;
    const expected = servex.score(expectedDoc).score;
    assert.notEqual(expected, servex.score(before).score, "the change must move the score");

    await page.selectOption(`select[data-indicator="${rating.id}"]`, String(changedTo));
    await page.waitForFunction((v) => document.getElementById("score").dataset.value === v, String(expected));
    assert.equal((await page.textContent("#score")).trim(), pct(expected));
    assert.deepEqual(await shownDocument(), expectedDoc);
  });

  test("editing a measured result rescores too", async () => {
    const before = await shownDocument();
    const expectedDoc = structuredClone(before);
    expectedDoc.indicators.find((i) => i.id === "nps").value = 50;
    const expected = servex.score(expectedDoc).score;
    await page.fill("#kpi-nps", "50");
    await page.waitForFunction((v) => document.getElementById("score").dataset.value === v, String(expected));
  });

  test("area and level names come from catalogue()", async () => {
    const framework = servex.catalogue();
    const areas = await page.$$eval("#ratings .area-title", (ts) => ts.map((t) => t.textContent));
    assert.deepEqual(
      areas,
      framework.dimensions.flatMap((d) => d.elements.map((e) => e.title)),
    );
    const levels = await page.$$eval("#pyramid li strong", (ls) => ls.map((l) => l.textContent));
    assert.deepEqual(
      levels,
      [...framework.levels].reverse().map((l) => `${l.level}. ${l.title}`),
    );
    const focus = await page.textContent("#focus");
    const report = servex.score(await shownDocument());
    const level = framework.levels.find((l) => l.level === report.focus_level);
    assert.ok(level ? focus.includes(level.title) : /Top of the pyramid/.test(focus), focus);
  });

  test("a screenshot is saved and nothing went wrong in the page", async () => {
    mkdirSync(join(bindings, "test-results"), { recursive: true });
    await page.screenshot({ path: SHOT, fullPage: true });
    assert.ok(existsSync(SHOT));
    assert.deepEqual(problems, []);
  });
});
