// The JavaScript half of the boundary, shared by the browser (ES module) and the Node
// (CommonJS) entries: build.mjs places this text between an entry's own imports and
// exports. It holds no import or export itself.
//
// The boundary is JSON text: the caller's value is turned into JSON here (typed
// arrays into plain arrays, non-finite numbers decided on, cycles and throwing
// getters caught), the WebAssembly module parses and scores it, and answers with
// `{"ok": result}` or `{"error": {kind, message, path}}`.

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
    if (typeof value === "number" && Number.isFinite(value) && !atRoot) return value;
    if (typeof value === "bigint") value = Number(value);
    if (typeof value === "number") {
      if (Number.isFinite(value)) return value;
      const path = pathOf(this, key);
      if (column !== undefined && column.test(path)) return Number.isNaN(value) ? null : String(value);
      throw new ServexError("invalid_value", path, `${value} is not a finite number`);
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
  if (acceptsText && typeof input === "string") return input;
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
 * Builds the public API over a backend of two WebAssembly modules: `main` (every call
 * but the drawing) and `renderer` (renderHtml, renderSvg), each `{assertReady(),
 * call(name, text): string, reset()}`, `reset` making a fresh instance after a trap;
 * and `version()`.
 */
function makeApi(backend) {
  function invoke(module, name, input, acceptsText) {
    module.assertReady();
    const text = encode(name, input, acceptsText);
    const fromText = acceptsText && typeof input === "string";
    let out;
    try {
      out = module.call(name, text);
    } catch (error) {
      // A trap (memory exhausted by a huge input, or a defect): the instance is no
      // longer trustworthy, so it is replaced before the caller hears of it.
      const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      module.reset();
      throw new ServexError(
        "limit_exceeded",
        "",
        `the WebAssembly module could not complete ${name}() (${why}); the input is probably too large for its memory. The module has been reset. If the input was small, please report this as a bug.`,
        { cause: error },
      );
    }
    const answer = JSON.parse(out);
    if (answer.error !== undefined) {
      const { kind, path, message } = answer.error;
      // Our own JSON text is valid JSON; the parser can only refuse a lone surrogate.
      const reported = kind === "invalid_json" && !fromText ? "invalid_document" : kind;
      throw new ServexError(reported, path, message);
    }
    return answer.ok;
  }
  const { main, renderer } = backend;

  return {
    ServexError,
    ERROR_KINDS,
    score: (document) => invoke(main, "score", document, true),
    catalogue: (input) => invoke(main, "catalogue", input === undefined ? {} : input, false),
    nps: (input) => invoke(main, "nps", input, false),
    csat: (input) => invoke(main, "csat", input, false),
    ces: (input) => invoke(main, "ces", input, false),
    servqual: (input) => invoke(main, "servqual", input, false),
    kano: (input) => invoke(main, "kano", input, false),
    renderHtml: (report, document) => invoke(renderer, "render", { report, document }, false),
    renderSvg: (report, chart) => invoke(renderer, "render", { report, chart }, false),
    version: () => {
      main.assertReady();
      return backend.version();
    },
  };
}
