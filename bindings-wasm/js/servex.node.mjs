// The Node entry of servex (an ES module; servex.cjs gives it to require()): the main
// module is compiled at load, ready to use; the renderer's on first use (or by
// initRender), as most programs never draw.

import { createRequire } from "node:module";

import { makeApi } from "./api.js";
import { ServexError } from "./error.js";
import glue from "./servex_wasm_node.cjs";

const require = createRequire(import.meta.url);
const rendererGlue = () => require("./servex_wasm_render_node.cjs");

// The glues' functions are looked up at each call, so that a test can stand in for one.
const api = makeApi({
  main: {
    assertReady() {},
    call: (name, text) => glue.call(name, text),
    columnU8: (...args) => glue.columnU8(...args),
    columnF64: (...args) => glue.columnF64(...args),
    nonFinite: (...args) => glue.nonFinite(...args),
    notUnicode: (...args) => glue.notUnicode(...args),
    checkIndicatorCount: (count) => glue.checkIndicatorCount(count),
    reset: () => glue.__wbg_reset_state(),
  },
  renderer: {
    assertReady() {},
    call: (_name, text) => rendererGlue().render(text),
    nonFinite: (...args) => rendererGlue().nonFinite(...args),
    notUnicode: (...args) => rendererGlue().notUnicode(...args),
    reset: () => rendererGlue().__wbg_reset_state(),
  },
  version: () => glue.version(),
});

/** The core's error kinds, in SPEC order, read from the module. */
export const ERROR_KINDS = Object.freeze(JSON.parse(glue.errorKinds()));

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

/** Already loaded under Node: resolves at once (for code shared with browsers). */
export const init = () => Promise.resolve();

/** Already loaded under Node: does nothing. */
export const initSync = () => {};

/** Loads the report renderer now rather than on the first drawing. */
export function initRender() {
  rendererGlue();
  return Promise.resolve();
}

/** Loads the report renderer now rather than on the first drawing. */
export function initRenderSync() {
  rendererGlue();
}
