// The browser (and bundler) entry of servex: call `await init()` once first, and
// `await initRender()` before drawing (renderHtml, renderSvg, renderComparison,
// renderFunnel, renderUnits, renderUnitsHtml).

import { makeApi } from "./api.js";
import { ServexError } from "./error.js";
import initRenderer, {
  initSync as initRendererSync,
  render,
  nonFinite as rendererNonFinite,
  notUnicode as rendererNotUnicode,
  __wbg_reset_state as resetRenderer,
} from "./servex_wasm_render_web.js";
import initMain, {
  checkIndicatorCount,
  columnF64,
  columnU8,
  errorKinds,
  initSync as initMainSync,
  call as mainCall,
  nonFinite as mainNonFinite,
  notUnicode as mainNotUnicode,
  version as mainVersion,
  __wbg_reset_state as resetMain,
} from "./servex_wasm_web.js";

let ready = false;
let rendererReady = false;

/** The core's error kinds, in SPEC order: read from the module by `init()`. */
export let ERROR_KINDS = Object.freeze([]);

const api = makeApi({
  main: {
    assertReady() {
      if (!ready) throw new Error("servex is not initialised: call `await init()` (or initSync) first");
    },
    call: mainCall,
    columnU8,
    columnF64,
    nonFinite: mainNonFinite,
    notUnicode: mainNotUnicode,
    checkIndicatorCount,
    reset: resetMain,
  },
  renderer: {
    assertReady() {
      if (!rendererReady) {
        throw new Error("servex's report renderer is not loaded: call `await initRender()` (or initRenderSync) first");
      }
    },
    call: (_name, text) => render(text),
    nonFinite: rendererNonFinite,
    notUnicode: rendererNotUnicode,
    reset: resetRenderer,
  },
  version: mainVersion,
});

function loaded() {
  ERROR_KINDS = Object.freeze(JSON.parse(errorKinds()));
  ready = true;
}

/** Loads the WebAssembly module (by default servex_wasm_bg.wasm next to this file). */
export async function init(input) {
  if (ready) return;
  await initMain(input === undefined ? undefined : { module_or_path: input });
  loaded();
}

/** Loads the WebAssembly module synchronously from its bytes or a compiled module. */
export function initSync(input) {
  if (ready) return;
  initMainSync({ module: input });
  loaded();
}

/** Loads the report renderer's module (by default servex_wasm_render_bg.wasm next to this file). */
export async function initRender(input) {
  if (rendererReady) return;
  await initRenderer(input === undefined ? undefined : { module_or_path: input });
  rendererReady = true;
}

/** Loads the report renderer's module synchronously from its bytes or a compiled module. */
export function initRenderSync(input) {
  if (rendererReady) return;
  initRendererSync({ module: input });
  rendererReady = true;
}

export { ServexError };
export const {
  sample,
  score,
  scoreUnits,
  catalogue,
  renderHtml,
  renderSvg,
  renderComparison,
  renderFunnel,
  renderUnits,
  renderUnitsHtml,
  nps,
  csat,
  ces,
  servqual,
  kano,
  version,
} = api;
