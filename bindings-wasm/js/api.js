// The JavaScript half of the boundary, shared by the browser (ES module) and the Node
// (CommonJS) entries: build.mjs places this text between an entry's own imports and
// exports, after `SAMPLE_JSON`, the core's sample document as JSON text. It holds no
// import or export itself.
//
// The boundary is JSON text: the caller's value is turned into JSON here (typed
// arrays into plain arrays, non-finite numbers decided on, cycles and throwing
// getters caught), the WebAssembly module parses and scores it, and answers with
// `{"ok": result}` or `{"error": {kind, message, path}}`. The one fast path: the
// response column of nps/csat/ces as a typed array (and integer groups as one) is
// copied into the module's memory as it is, only the other arguments as JSON.

/** The stable error kinds of SPEC 8. */
const ERROR_KINDS = Object.freeze([
  "invalid_json",
  "invalid_document",
  "unsupported_version",
  "unknown_framework",
  "unknown_reference",
  "duplicate_id",
  "invalid_indicator",
  "invalid_value",
  "missing_value",
  "empty_input",
  "limit_exceeded",
  "internal_error",
]);

/** Every failure of servex: an `Error` named `ServexError` with `kind` and `path`. */
class ServexError extends Error {
  constructor(kind, path, message, options) {
    super(path === "" ? message : `${message} (at "${path}")`, options);
    /** One of the SPEC's error kinds, e.g. `"invalid_value"`. */
    this.kind = kind;
    /** JSON Pointer to the offending member of the input; `""` is the whole input. */
    this.path = path;
  }
}
Object.defineProperty(ServexError.prototype, "name", {
  value: "ServexError",
  writable: true,
  configurable: true,
  enumerable: false,
});

// Where a non-finite number has a meaning the JSON text can carry: inside the
// response columns NaN is the same as null (invalid, or skipped, or for SERVQUAL
// "not answered"), and an infinity is a non-number (invalid_value at its path).
// Anywhere else a non-finite number is `invalid_value` at its path.
const DATA_COLUMNS = {
  nps: /^\/responses\/\d+$/,
  csat: /^\/responses\/\d+$/,
  ces: /^\/responses\/\d+$/,
  servqual: /^\/(expectations|perceptions)\/\d+\/\d+$/,
};

function pointerToken(key) {
  return String(key).replace(/~/g, "~0").replace(/\//g, "~1");
}

function isTypedArray(value) {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

// A JSON.stringify replacer that knows the JSON Pointer of what it is looking at.
function replacerFor(name) {
  const paths = new WeakMap();
  const column = DATA_COLUMNS[name];
  let atRoot = true;
  // The pointer is built only where it is needed: for containers and bad numbers.
  function pathOf(holder, key) {
    if (atRoot) {
      atRoot = false;
      return "";
    }
    return `${paths.get(holder) ?? ""}/${pointerToken(key)}`;
  }
  return function replace(key, value) {
    // Array members skip the key check: their keys are indexes.
    if (typeof value === "number" && Number.isFinite(value) && !atRoot && (Array.isArray(this) || key.isWellFormed())) {
      return value;
    }
    if (typeof value === "bigint") value = Number(value);
    if (typeof value === "number") {
      if (Number.isFinite(value)) return value;
      const path = pathOf(this, key);
      if (column !== undefined && column.test(path)) return Number.isNaN(value) ? null : String(value);
      throw new ServexError("invalid_value", path, `${value} is not a finite number`);
    }
    if (typeof value === "string" && !value.isWellFormed()) {
      // A lone surrogate is no Unicode text: refused where it stands, as in Python.
      throw new ServexError("invalid_document", pathOf(this, key), "text with a lone surrogate is not Unicode");
    }
    if (typeof key === "string" && !key.isWellFormed() && !atRoot) {
      throw new ServexError("invalid_document", paths.get(this) ?? "", "a key with a lone surrogate is not Unicode");
    }
    if (typeof value === "object" && value !== null) {
      if (value instanceof Number) return replace.call(this, key, value.valueOf());
      const path = pathOf(this, key);
      if (isTypedArray(value)) value = Array.from(value);
      paths.set(value, path);
      return value;
    }
    if (atRoot) atRoot = false;
    return value;
  };
}

// The typed arrays the fast path takes as responses; Uint8Array and Float64Array go in
// as they are, the others are widened to a Float64Array first (exactly: every value
// of these types is a double).
const RESPONSE_ARRAYS = [
  Uint8Array,
  Int8Array,
  Uint16Array,
  Int16Array,
  Uint32Array,
  Int32Array,
  Float32Array,
  Float64Array,
];

// Integer group labels: unsigned ones go in as a Uint32Array, signed ones as an
// Int32Array (a negative label is a label like any other).
const UNSIGNED_GROUPS = [Uint8Array, Uint16Array, Uint32Array];
const SIGNED_GROUPS = [Int8Array, Int16Array, Int32Array];

const isOneOf = (value, types) => types.some((type) => value instanceof type);

// The fast path's parts of a scale metric's input, or undefined when the input is
// anything else (it then goes the JSON way, which reports whatever is wrong with it,
// e.g. a throwing getter, exactly as for any other input).
function typedColumn(input) {
  try {
    if (typeof input !== "object" || input === null || typeof input.toJSON === "function") return undefined;
    // Only own enumerable members, the ones JSON.stringify would read.
    const own = (key) => Object.prototype.propertyIsEnumerable.call(input, key);
    const { responses, groups, ...options } = input;
    if (!own("responses") || !isOneOf(responses, RESPONSE_ARRAYS) || typeof responses.toJSON === "function") {
      return undefined;
    }
    const column = {
      options,
      responses: responses instanceof Uint8Array || responses instanceof Float64Array ? responses : new Float64Array(responses),
      unsigned: undefined,
      signed: undefined,
    };
    // Inherited groups: the JSON way does not see them, so it decides.
    if (groups !== undefined && !own("groups")) return undefined;
    if (groups === undefined || groups === null) return column;
    if (typeof groups.toJSON === "function") return undefined;
    if (isOneOf(groups, UNSIGNED_GROUPS)) column.unsigned = groups instanceof Uint32Array ? groups : new Uint32Array(groups);
    else if (isOneOf(groups, SIGNED_GROUPS)) column.signed = groups instanceof Int32Array ? groups : new Int32Array(groups);
    else return undefined;
    return column;
  } catch {
    return undefined;
  }
}

// SPEC 8: a document holds at most this many indicators.
const MAX_INDICATORS = 1_000_000;

// A document over the indicator limit is refused before it is turned into text, so the
// refusal costs no copy of it (neither the text nor the module's parse of it). Any
// fault met while looking (a throwing getter or proxy) is left for the conversion to
// report as it always does.
function checkIndicatorCount(input) {
  let count;
  try {
    if (typeof input !== "object" || input === null || typeof input.toJSON === "function") return;
    const indicators = input.indicators;
    if (!Array.isArray(indicators)) return;
    count = indicators.length;
  } catch {
    return;
  }
  if (count > MAX_INDICATORS) {
    throw new ServexError(
      "limit_exceeded",
      "/indicators",
      `a document holds at most ${MAX_INDICATORS} indicators, not ${count}`,
    );
  }
}

// The engines' words for a string too long or a stack too deep (V8, SpiderMonkey,
// JavaScriptCore).
const ENGINE_LIMIT = /string length|call stack|too much recursion|allocation size|out of memory|string too long/i;

// The caller's input as JSON text, or a ServexError.
function encode(name, input, acceptsText) {
  if (acceptsText && typeof input === "string") {
    // The module would read a lone surrogate as U+FFFD: text the caller did not write.
    if (!input.isWellFormed()) throw new ServexError("invalid_json", "", "the JSON text holds a lone surrogate");
    return input;
  }
  if (input === undefined) {
    throw new ServexError("invalid_document", "", `${name}() needs an input, got undefined`);
  }
  if (name === "score") checkIndicatorCount(input);
  let text;
  try {
    text = JSON.stringify(input, replacerFor(name));
  } catch (error) {
    if (error instanceof ServexError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    if (error instanceof RangeError && ENGINE_LIMIT.test(error.message)) {
      // Invalid string length, or a structure too deep for the JavaScript stack (a
      // RangeError thrown by the caller's own getter or toJSON is no limit of ours).
      throw new ServexError("limit_exceeded", "", `the input is too large or too deep to convert: ${why}`, {
        cause: error,
      });
    }
    throw new ServexError("invalid_document", "", `the input cannot be converted to JSON: ${why}`, { cause: error });
  }
  if (text === undefined) {
    throw new ServexError("invalid_document", "", `${name}() needs a JSON value, got ${typeof input}`);
  }
  return text;
}

/**
 * The sample organisation, Acme Home Care: the core's sample document (the one `servex
 * demo` and Python's `servex.sample()` score), a fresh object at each call. Needs no
 * module, so it works before `init()`.
 */
function sampleDocument() {
  return JSON.parse(SAMPLE_JSON);
}

/**
 * Builds the public API over a backend of two WebAssembly modules: `main` (every call
 * but the drawing) and `renderer` (renderHtml, renderSvg, renderComparison, renderFunnel, renderUnits, renderUnitsHtml), each `{assertReady(),
 * call(name, text): string, reset()}`, `reset` making a fresh instance after a trap;
 * `main` also has `columnU8` and `columnF64(name, optionsText, responses, unsigned,
 * signed): string`, the fast path of the scale metrics; and `version()`.
 */
function makeApi(backend) {
  const { main, renderer } = backend;

  // Runs `run()` on `module` and turns its envelope into the result or a ServexError.
  function answer(module, name, fromText, run) {
    let out;
    try {
      out = run();
    } catch (error) {
      // A trap is SPEC 8's internal_error (a panic, or memory exhausted past the
      // limits the core refuses up front): the instance is no longer trustworthy, so
      // it is replaced before the caller hears of it.
      const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      module.reset();
      throw new ServexError(
        "internal_error",
        "",
        `the WebAssembly module could not complete ${name}() (${why}): a defect of servex, please report it. The module has been reset.`,
        { cause: error },
      );
    }
    const result = JSON.parse(out);
    if (result.error !== undefined) {
      const { kind, path, message } = result.error;
      // Our own JSON text is valid JSON; the parser can only refuse a lone surrogate.
      const reported = kind === "invalid_json" && !fromText ? "invalid_document" : kind;
      throw new ServexError(reported, path, message);
    }
    return result.ok;
  }

  function invoke(module, name, input, acceptsText) {
    module.assertReady();
    const text = encode(name, input, acceptsText);
    return answer(module, name, acceptsText && typeof input === "string", () => module.call(name, text));
  }

  // nps, csat and ces: typed columns straight into the module, anything else as JSON.
  const scaleMetric = (name) => (input) => {
    main.assertReady();
    const column = typedColumn(input);
    if (column === undefined) return invoke(main, name, input, false);
    const options = encode(name, column.options, false);
    const { responses, unsigned, signed } = column;
    const kernel = responses instanceof Uint8Array ? main.columnU8 : main.columnF64;
    return answer(main, name, false, () => kernel(name, options, responses, unsigned, signed));
  };

  return {
    ServexError,
    ERROR_KINDS,
    sample: sampleDocument,
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
