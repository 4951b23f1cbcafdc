// Builds the npm package `servex` into pkg/: `npm run build` (from this folder) or
// `npm --prefix bindings-wasm run build` (from the repository root).
//
// 1. installs what is missing: the wasm32 target, the wasm-bindgen CLI of exactly
//    the crate's version, and this folder's npm dev dependencies (wasm-opt comes from
//    npm's `binaryen`; never Debian's, whose wasm-opt breaks the module);
// 2. cargo build --profile wasm-release --target wasm32-unknown-unknown;
// 3. wasm-bindgen --target web and --target nodejs (the same .wasm, two glues);
// 4. wasm-opt -Oz;
// 5. the entries: js/api.js between each entry's imports and exports;
// 6. a smoke test through the Node entry, and the sizes.

import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const pkg = join(here, "pkg");
const work = join(root, "target", "servex-wasm-bindgen");
const TARGET = "wasm32-unknown-unknown";
const PROFILE = "wasm-release";

function log(message) {
  process.stderr.write(`[build] ${message}\n`);
}

function run(command, args, options = {}) {
  log(`${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", cwd: root, ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} exited with status ${result.status}`);
}

function output(command, args) {
  try {
    return execFileSync(command, args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

function ensureTools() {
  const installed = output("rustup", ["target", "list", "--installed"]);
  if (installed !== null && !installed.split("\n").includes(TARGET)) run("rustup", ["target", "add", TARGET]);

  const pkgid = output("cargo", ["pkgid", "-p", "wasm-bindgen"]);
  if (pkgid === null) throw new Error("cannot read the wasm-bindgen version from Cargo.lock (cargo pkgid -p wasm-bindgen)");
  const wanted = pkgid.replace(/.*[@#]/, "");
  const have = output("wasm-bindgen", ["--version"]);
  if (have !== `wasm-bindgen ${wanted}`) {
    // Without --locked: the CLI's own lockfile pins a crate version the registry lacks.
    run("cargo", ["install", "wasm-bindgen-cli", "--version", wanted]);
  }

  if (!existsSync(join(here, "node_modules", "binaryen")) || !existsSync(join(here, "node_modules", "typescript"))) {
    run("npm", [existsSync(join(here, "package-lock.json")) ? "ci" : "install"], { cwd: here });
  }
  return wanted;
}

// Appends a function to a generated glue that replaces the instance after a trap; the
// anchors make the build fail loudly if a new wasm-bindgen changes the glue's shape.
function withReset(glue, anchors, reset) {
  for (const anchor of anchors) {
    if (!glue.includes(anchor)) throw new Error(`wasm-bindgen glue changed: ${JSON.stringify(anchor)} not found`);
  }
  return `${glue}\n${reset}\n`;
}

const WEB_RESET = `/** servex: a fresh instance of the same compiled module, after a trap. */
export function __servexReset() {
    const module = wasmModule;
    wasm = undefined;
    initSync({ module });
}`;

// The memory views the glue caches (which ones depends on the module's features).
function cachedViews(glue) {
  return [...glue.matchAll(/^let (cached\w*Memory\d*) = null;$/gm)].map((m) => `    ${m[1]} = null;`).join("\n");
}

const nodeReset = (glue) => `/** servex: a fresh instance of the same compiled module, after a trap. */
exports.__servexReset = function () {
    wasmInstance = new WebAssembly.Instance(wasmModule, __wbg_get_imports());
    wasm = wasmInstance.exports;
${cachedViews(glue)}
    wasm.__wbindgen_start();
};`;

/** The gzipped size the module may not exceed (the 150 KB target is not met yet). */
const SIZE_GUARD = 205 * 1024;

const API_NAMES = [
  "ServexError",
  "ERROR_KINDS",
  "score",
  "catalogue",
  "renderHtml",
  "renderSvg",
  "nps",
  "csat",
  "ces",
  "servqual",
  "kano",
  "version",
];

function entries(api) {
  const web = `// The browser (and bundler) entry of servex: call \`await init()\` once first.
import initGlue, { initSync as initGlueSync, call as wasmCall, version as wasmVersion, __servexReset } from "./servex_wasm_web.js";

${api}
let ready = false;

function assertReady() {
  if (!ready) throw new Error("servex is not initialised: call \`await init()\` (or initSync) first");
}

const api = makeApi({ assertReady, call: wasmCall, version: wasmVersion, reset: __servexReset });

/** Loads the WebAssembly module (by default servex_wasm_bg.wasm next to this file). */
export async function init(input) {
  if (ready) return;
  await initGlue(input === undefined ? undefined : { module_or_path: input });
  ready = true;
}

/** Loads the WebAssembly module synchronously from its bytes or a compiled module. */
export function initSync(input) {
  if (ready) return;
  initGlueSync({ module: input });
  ready = true;
}

export { ServexError, ERROR_KINDS };
export const { ${API_NAMES.filter((n) => n !== "ServexError" && n !== "ERROR_KINDS").join(", ")} } = api;
`;
  const cjs = `// The Node entry of servex (CommonJS): loaded synchronously, ready to use.
"use strict";
const glue = require("./servex_wasm_node.cjs");

${api}
// Looked up at each call, so that a test can stand in for the module.
const api = makeApi({
  assertReady() {},
  call: (name, text) => glue.call(name, text),
  version: () => glue.version(),
  reset: () => glue.__servexReset(),
});

module.exports = {
  ...api,
  /** Already loaded under Node: resolves at once (for code shared with browsers). */
  init: () => Promise.resolve(),
  /** Already loaded under Node: does nothing. */
  initSync: () => {},
};
`;
  const mjs = `// The Node entry of servex as an ES module: the CommonJS entry's exports.
import servex from "./servex.cjs";

export const { ${[...API_NAMES, "init", "initSync"].join(", ")} } = servex;
`;
  return { web, cjs, mjs };
}

function packageJson(version) {
  const meta = JSON.parse(readFileSync(join(here, "package.json"), "utf8"));
  return {
    name: "servex",
    version,
    description: "Service excellence scoring (ISO 23592 balanced scorecards, NPS, CSAT, CES, SERVQUAL, Kano) in WebAssembly",
    license: meta.license,
    keywords: ["iso23592", "service-excellence", "scorecard", "nps", "csat", "webassembly"],
    repository: { type: "git", url: "https://github.com/servex/servex", directory: "bindings-wasm" },
    type: "module",
    main: "./servex.cjs",
    module: "./servex.js",
    types: "./servex.d.ts",
    exports: {
      ".": {
        types: { require: "./servex.d.cts", default: "./servex.d.ts" },
        node: { require: "./servex.cjs", default: "./servex.node.mjs" },
        default: "./servex.js",
      },
      "./servex_wasm_bg.wasm": "./servex_wasm_bg.wasm",
      "./package.json": "./package.json",
    },
    files: [
      "servex.js",
      "servex.cjs",
      "servex.node.mjs",
      "servex.d.ts",
      "servex.d.cts",
      "servex_wasm_web.js",
      "servex_wasm_node.cjs",
      "servex_wasm_bg.wasm",
      "README.md",
    ],
    sideEffects: false,
    engines: { node: ">=18" },
  };
}

function main() {
  const bindgenVersion = ensureTools();
  const cargoToml = readFileSync(join(root, "Cargo.toml"), "utf8");
  const version = /\[workspace\.package\][^[]*?\nversion = "([^"]+)"/.exec(cargoToml)?.[1];
  if (!version) throw new Error("no [workspace.package] version in Cargo.toml");

  run("cargo", ["build", "-p", "servex-wasm", "--target", TARGET, "--profile", PROFILE]);
  const built = join(root, "target", TARGET, PROFILE, "servex_wasm.wasm");

  rmSync(work, { recursive: true, force: true });
  for (const target of ["web", "nodejs"]) {
    run("wasm-bindgen", ["--target", target, "--no-typescript", "--out-dir", join(work, target), built]);
  }
  const webWasm = join(work, "web", "servex_wasm_bg.wasm");
  if (!readFileSync(webWasm).equals(readFileSync(join(work, "nodejs", "servex_wasm_bg.wasm")))) {
    throw new Error("wasm-bindgen made different modules for web and nodejs; the package ships one");
  }

  rmSync(pkg, { recursive: true, force: true });
  mkdirSync(pkg, { recursive: true });
  const wasmOpt = join(here, "node_modules", ".bin", "wasm-opt");
  // Rust's wasm32 target emits these features by default; wasm-opt must accept them.
  const features = [
    "--enable-bulk-memory",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-sign-ext",
    "--enable-multivalue",
  ];
  // npm's binaryen is itself compiled to wasm and takes about 40 s here: its output is
  // cached by the hash of its input and arguments.
  const optArgs = ["-Oz", ...features, "--strip-debug", "--strip-producers"];
  const key = createHash("sha256").update(readFileSync(webWasm)).update(optArgs.join(" ")).digest("hex");
  const cacheDir = join(root, "target", "servex-wasm-opt-cache");
  const cached = join(cacheDir, `${key}.wasm`);
  if (existsSync(cached)) {
    log(`wasm-opt ${optArgs.join(" ")}: unchanged input, reusing ${cached}`);
  } else {
    rmSync(cacheDir, { recursive: true, force: true });
    mkdirSync(cacheDir, { recursive: true });
    run(wasmOpt, [...optArgs, webWasm, "-o", `${cached}.tmp`]);
    renameSync(`${cached}.tmp`, cached);
  }
  copyFileSync(cached, join(pkg, "servex_wasm_bg.wasm"));

  const webGlue = readFileSync(join(work, "web", "servex_wasm.js"), "utf8");
  const nodeGlue = readFileSync(join(work, "nodejs", "servex_wasm.js"), "utf8");
  writeFileSync(
    join(pkg, "servex_wasm_web.js"),
    withReset(webGlue, ["let wasmModule, wasmInstance, wasm;", "function initSync(module) {", "export { initSync"], WEB_RESET),
  );
  writeFileSync(
    join(pkg, "servex_wasm_node.cjs"),
    withReset(
      nodeGlue,
      [
        "const wasmPath = `${__dirname}/servex_wasm_bg.wasm`;",
        "const wasmModule = new WebAssembly.Module(wasmBytes);",
        "let wasmInstance = ",
        "let wasm = wasmInstance.exports;",
        "wasm.__wbindgen_start();",
      ],
      nodeReset(nodeGlue),
    ),
  );

  const api = readFileSync(join(here, "js", "api.js"), "utf8");
  const { web, cjs, mjs } = entries(api);
  writeFileSync(join(pkg, "servex.js"), web);
  writeFileSync(join(pkg, "servex.cjs"), cjs);
  writeFileSync(join(pkg, "servex.node.mjs"), mjs);
  copyFileSync(join(here, "js", "servex.d.ts"), join(pkg, "servex.d.ts"));
  copyFileSync(join(here, "js", "servex.d.ts"), join(pkg, "servex.d.cts"));
  copyFileSync(join(here, "README.md"), join(pkg, "README.md"));
  writeFileSync(join(pkg, "package.json"), `${JSON.stringify(packageJson(version), null, 2)}\n`);

  // Smoke test: load, call, reset, call again.
  const servex = createRequire(import.meta.url)(join(pkg, "servex.cjs"));
  if (servex.catalogue().id !== "iso23592:2021") throw new Error("smoke test: catalogue() failed");
  createRequire(import.meta.url)(join(pkg, "servex_wasm_node.cjs")).__servexReset();
  if (servex.score({ indicators: [] }).servex !== 1) throw new Error("smoke test: score() after a reset failed");

  const bytes = readFileSync(join(pkg, "servex_wasm_bg.wasm"));
  const gz = gzipSync(bytes, { level: 9 }).length;
  log(`wasm-bindgen ${bindgenVersion}; pkg/servex_wasm_bg.wasm: ${bytes.length} bytes raw, ${gz} bytes gzipped (-9)`);
  // Issue 4 asks for 150 KB gzipped; the scoring code alone is about 155 KB and the
  // report renderer (renderHtml, renderSvg) brings it to about 197 KB (see README).
  // Until the renderer moves to a module of its own, this guard stops further growth.
  if (gz > SIZE_GUARD) throw new Error(`the module is ${gz} bytes gzipped: over the ${SIZE_GUARD}-byte guard`);
}

try {
  main();
} catch (error) {
  log(`failed: ${error.message}`);
  process.exit(1);
}
