// Builds the npm package `servex` into pkg/: `npm run build` (from this folder) or
// `npm --prefix bindings-wasm run build` (from the repository root) builds what ships;
// `npm run build:testing` (`node build.mjs --testing`) the same with the cargo feature
// `testing`, whose hooks the package's tests call (scripts/test-wasm builds this one).
//
// 1. installs what is missing: the wasm32 target, the wasm-bindgen CLI of exactly
//    the crate's version, and this folder's npm dev dependencies (wasm-opt comes from
//    npm's `binaryen`; never Debian's, whose wasm-opt breaks the module);
// 2. cargo build --profile wasm-release --target wasm32-unknown-unknown of the two
//    modules: servex-wasm (every call) and servex-wasm-render (the report renderer,
//    loaded only by programs that draw);
// 3. wasm-bindgen --target web and --target nodejs (the same .wasm, two glues), each
//    glue with wasm-bindgen's `__wbg_reset_state`, which the entries call after a trap;
// 4. wasm-opt -Oz;
// 5. the entries and the facade from js/ as they are, and the core's sample document
//    (core/data) as a module of data, sample.js;
// 6. a smoke test through the Node entry, and the sizes (checked against their guards
//    in the release build).

import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
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
  if (pkgid === null)
    throw new Error("cannot read the wasm-bindgen version from Cargo.lock (cargo pkgid -p wasm-bindgen)");
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

/**
 * The two modules: the crate, its file stem, and the gzipped size in bytes its release
 * build may not exceed, a guard a little above its size so that neither grows
 * unnoticed (the sizes, and what they are made of, are in BENCHMARKS.md).
 */
const MODULES = [
  { crate: "servex-wasm", stem: "servex_wasm", guard: 198_000 },
  { crate: "servex-wasm-render", stem: "servex_wasm_render", guard: 148_000 },
];

// The package's JavaScript: the entries and the facade they share, copied from js/.
const JS_FILES = ["servex.js", "servex.node.mjs", "servex.cjs", "api.js", "encode.js", "columns.js", "error.js"];

function packageJson(version) {
  const meta = JSON.parse(readFileSync(join(here, "package.json"), "utf8"));
  return {
    name: "servex",
    version,
    description:
      "Service excellence scoring (ISO 23592 balanced scorecards, NPS, CSAT, CES, SERVQUAL, Kano) in WebAssembly",
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
      "./servex_wasm_render_bg.wasm": "./servex_wasm_render_bg.wasm",
      "./package.json": "./package.json",
    },
    files: [
      ...JS_FILES,
      "sample.js",
      "servex.d.ts",
      "servex.d.cts",
      "servex_wasm_web.js",
      "servex_wasm_node.cjs",
      "servex_wasm_bg.wasm",
      "servex_wasm_render_web.js",
      "servex_wasm_render_node.cjs",
      "servex_wasm_render_bg.wasm",
      "README.md",
    ],
    sideEffects: false,
    // require() of the ES-module entry (servex.cjs) is unflagged from these on.
    engines: { node: "^20.19.0 || >=22.12.0" },
  };
}

// Rust's wasm32 target emits these features by default; wasm-opt must accept them.
const WASM_FEATURES = [
  "--enable-bulk-memory",
  "--enable-mutable-globals",
  "--enable-nontrapping-float-to-int",
  "--enable-reference-types",
  "--enable-sign-ext",
  "--enable-multivalue",
];

// Glues and optimised .wasm of one module into pkg/: `<stem>_web.js`, `<stem>_node.cjs`
// and `<stem>_bg.wasm`; `flavor` is "release" or "testing".
function buildModule({ stem }, flavor) {
  const built = join(root, "target", TARGET, PROFILE, `${stem}.wasm`);
  const out = join(work, stem);
  for (const target of ["web", "nodejs"]) {
    // The reset function is the glue's own way to a fresh instance of the same module.
    const args = ["--target", target, "--no-typescript", "--experimental-reset-state-function"];
    run("wasm-bindgen", [...args, "--out-dir", join(out, target), built]);
  }
  const webWasm = join(out, "web", `${stem}_bg.wasm`);
  if (!readFileSync(webWasm).equals(readFileSync(join(out, "nodejs", `${stem}_bg.wasm`)))) {
    throw new Error(`wasm-bindgen made different ${stem} modules for web and nodejs; the package ships one`);
  }

  const wasmOpt = join(here, "node_modules", ".bin", "wasm-opt");
  // npm's binaryen is itself compiled to wasm and takes about 40 s here: its output is
  // cached by the hash of its input and arguments, one entry per module and flavor.
  const optArgs = ["-Oz", ...WASM_FEATURES, "--strip-debug", "--strip-producers"];
  const key = createHash("sha256").update(readFileSync(webWasm)).update(optArgs.join(" ")).digest("hex");
  const cacheDir = join(root, "target", "servex-wasm-opt-cache", `${stem}-${flavor}`);
  const cached = join(cacheDir, `${key}.wasm`);
  if (existsSync(cached)) {
    log(`wasm-opt ${optArgs.join(" ")}: unchanged input, reusing ${cached}`);
  } else {
    rmSync(cacheDir, { recursive: true, force: true });
    mkdirSync(cacheDir, { recursive: true });
    run(wasmOpt, [...optArgs, webWasm, "-o", `${cached}.tmp`]);
    renameSync(`${cached}.tmp`, cached);
  }
  copyFileSync(cached, join(pkg, `${stem}_bg.wasm`));
  copyFileSync(join(out, "web", `${stem}.js`), join(pkg, `${stem}_web.js`));
  copyFileSync(join(out, "nodejs", `${stem}.js`), join(pkg, `${stem}_node.cjs`));
}

// The core's sample document, for `sample()`: a module of data, so that it needs no
// fetch, kept as JSON text that each call parses into a fresh object.
function sampleModule() {
  const sample = JSON.parse(readFileSync(join(root, "core", "data", "sample-home-care.json"), "utf8"));
  return `// core/data/sample-home-care.json, written by build.mjs.\nexport const SAMPLE_JSON = ${JSON.stringify(JSON.stringify(sample))};\n`;
}

async function smokeTest(flavor) {
  // Load, call, reset, call again; draw.
  const servex = await import(pathToFileURL(join(pkg, "servex.node.mjs")).href);
  if (servex.catalogue().id !== "iso23592:2021") throw new Error("smoke test: catalogue() failed");
  const glue = createRequire(import.meta.url)(join(pkg, "servex_wasm_node.cjs"));
  glue.__wbg_reset_state();
  const report = servex.score({ indicators: [] });
  if (report.servex !== 1) throw new Error("smoke test: score() after a reset failed");
  if (!servex.renderSvg(report, "radar").startsWith("<svg")) throw new Error("smoke test: renderSvg() failed");
  const hooked = typeof glue.__servexAbort === "function";
  if (hooked !== (flavor === "testing")) {
    throw new Error(`smoke test: a ${flavor} build ${hooked ? "with" : "without"} the test hook __servexAbort`);
  }
}

async function main() {
  const args = process.argv.slice(2);
  if (args.some((arg) => arg !== "--testing")) throw new Error(`unknown arguments ${args.join(" ")}: only --testing`);
  const testing = args.includes("--testing");
  const flavor = testing ? "testing" : "release";
  const bindgenVersion = ensureTools();
  const cargoToml = readFileSync(join(root, "Cargo.toml"), "utf8");
  const version = /\[workspace\.package\][^[]*?\nversion = "([^"]+)"/.exec(cargoToml)?.[1];
  if (!version) throw new Error("no [workspace.package] version in Cargo.toml");

  const crates = MODULES.flatMap(({ crate }) => ["-p", crate]);
  const features = testing ? ["--features", MODULES.map(({ crate }) => `${crate}/testing`).join(",")] : [];
  run("cargo", ["build", ...crates, ...features, "--target", TARGET, "--profile", PROFILE]);
  rmSync(work, { recursive: true, force: true });
  rmSync(pkg, { recursive: true, force: true });
  mkdirSync(pkg, { recursive: true });
  for (const module of MODULES) buildModule(module, flavor);

  for (const file of JS_FILES) copyFileSync(join(here, "js", file), join(pkg, file));
  writeFileSync(join(pkg, "sample.js"), sampleModule());
  copyFileSync(join(here, "js", "servex.d.ts"), join(pkg, "servex.d.ts"));
  copyFileSync(join(here, "js", "servex.d.ts"), join(pkg, "servex.d.cts"));
  copyFileSync(join(here, "README.md"), join(pkg, "README.md"));
  writeFileSync(join(pkg, "package.json"), `${JSON.stringify(packageJson(version), null, 2)}\n`);
  await smokeTest(flavor);

  log(`wasm-bindgen ${bindgenVersion}, ${flavor} build${testing ? " (the guards apply to the release build)" : ""}`);
  for (const { stem, guard } of MODULES) {
    const bytes = readFileSync(join(pkg, `${stem}_bg.wasm`));
    const gz = gzipSync(bytes, { level: 9 }).length;
    log(`pkg/${stem}_bg.wasm: ${bytes.length} bytes raw, ${gz} bytes gzipped (-9)`);
    if (!testing && gz > guard) throw new Error(`${stem}_bg.wasm is ${gz} bytes gzipped: over its ${guard}-byte guard`);
  }
}

try {
  await main();
} catch (error) {
  log(`failed: ${error.message}`);
  process.exit(1);
}
