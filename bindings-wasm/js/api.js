// The public API over the two WebAssembly modules, shared by the browser entry
// (servex.js) and the Node entry (servex.node.mjs).
//
// The boundary is JSON text: the caller's value becomes JSON here (encode.js), the
// module parses and runs it, and answers with an envelope, `{"ok": result}` or
// `{"error": {kind, message, path}}`, which becomes the result or a thrown
// ServexError. The one fast path: the response column of nps/csat/ces as a typed
// array (and integer groups as one) is copied into the module's memory as it is
// (columns.js).

import { typedColumn } from "./columns.js";
import { checkIndicatorCount, encode } from "./encode.js";
import { ServexError, settle } from "./error.js";
import { SAMPLE_JSON } from "./sample.js";

/**
 * Builds the public API over a backend of two modules: `main` (every call but the
 * drawing) and `renderer` (renderHtml, renderSvg, renderComparison, renderFunnel,
 * renderUnits, renderUnitsHtml), each `{assertReady(), call(name, text),
 * nonFinite(name, path, x), notUnicode(name, path), reset()}`, `reset` making a fresh instance after a trap;
 * `main` also has `checkIndicatorCount(count)` and `columnU8` and `columnF64(name,
 * optionsText, responses, unsigned, signed)`, the fast path of the scale metrics; and
 * `version()`. Every function but `assertReady` and `reset` answers with envelope
 * text (see the crates' exports).
 */
export function makeApi(backend) {
  // A trap is SPEC 8's internal_error (a panic, or memory exhausted past the limits
  // the core refuses up front): the instance is no longer trustworthy, so it is
  // replaced before the caller hears of it.
  function guarded(module, name, run) {
    try {
      return run();
    } catch (error) {
      const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      module.reset();
      throw new ServexError(
        "internal_error",
        "",
        `the WebAssembly module could not complete ${name}() (${why}): a defect of servex, please report it. The module has been reset.`,
        { cause: error },
      );
    }
  }

  // Each module's exports as encode.js calls them, a trap in any becoming a ServexError.
  const checked = (module) => ({
    nonFinite: (name, path, x) => guarded(module, name, () => module.nonFinite(name, path, x)),
    notUnicode: (name, path) => guarded(module, name, () => module.notUnicode(name, path)),
    checkIndicatorCount: (count) => guarded(module, "score", () => module.checkIndicatorCount(count)),
  });
  const main = { ...backend.main, ...checked(backend.main) };
  const renderer = { ...backend.renderer, ...checked(backend.renderer) };

  function invoke(module, name, input, acceptsText) {
    module.assertReady();
    if (name === "score") checkIndicatorCount(main, input);
    const text = encode(module, name, input, acceptsText);
    const answer = guarded(module, name, () => module.call(name, text));
    return settle(answer, acceptsText && typeof input === "string");
  }

  // nps, csat and ces: typed columns straight into the module, anything else as JSON.
  const scaleMetric = (name) => (input) => {
    main.assertReady();
    const column = typedColumn(input);
    if (column === undefined) return invoke(main, name, input, false);
    const options = encode(main, name, column.options, false);
    const { responses, unsigned, signed } = column;
    const kernel = responses instanceof Uint8Array ? main.columnU8 : main.columnF64;
    const answer = guarded(main, name, () => kernel(name, options, responses, unsigned, signed));
    return settle(answer, false);
  };

  return {
    ServexError,
    // The core's sample document, a fresh object at each call; needs no module.
    sample: () => JSON.parse(SAMPLE_JSON),
    score: (document) => invoke(main, "score", document, true),
    scoreUnits: (input) => invoke(main, "score_units", input, true),
    catalogue: (input) => invoke(main, "catalogue", input === undefined ? {} : input, false),
    nps: scaleMetric("nps"),
    csat: scaleMetric("csat"),
    ces: scaleMetric("ces"),
    servqual: (input) => invoke(main, "servqual", input, false),
    kano: (input) => invoke(main, "kano", input, false),
    renderHtml: (report, document) => invoke(renderer, "render", { report, document }, false),
    renderSvg: (report, chart) => invoke(renderer, "render", { report, chart }, false),
    renderComparison: (result) => invoke(renderer, "render", { comparison: result }, false),
    renderFunnel: (result) => invoke(renderer, "render", { funnel: result }, false),
    renderUnits: (result) => invoke(renderer, "render", { units: result }, false),
    renderUnitsHtml: (result) => invoke(renderer, "render", { units_html: result }, false),
    version: () => {
      main.assertReady();
      return backend.version();
    },
  };
}
