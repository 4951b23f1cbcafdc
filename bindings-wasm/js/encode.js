// The caller's input as JSON text, the boundary of every call: typed arrays become
// plain arrays, cycles and throwing getters are caught, and each non-finite number
// (which JSON cannot carry) is read as the core says through the module's
// `nonFinite`: null or a word inside answer columns, `invalid_value` anywhere else;
// text with a lone surrogate likewise through `notUnicode`.

import { ServexError, settle } from "./error.js";

function pointerToken(key) {
  return String(key).replace(/~/g, "~0").replace(/\//g, "~1");
}

function isTypedArray(value) {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

// A JSON.stringify replacer that knows the JSON Pointer of what it is looking at.
function replacerFor(name, module) {
  const paths = new WeakMap();
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
      return settle(module.nonFinite(name, pathOf(this, key), value), false);
    }
    if (typeof value === "string" && !value.isWellFormed()) {
      // A lone surrogate is no Unicode text: read as the core says (`notUnicode`).
      return settle(module.notUnicode(name, pathOf(this, key)), false);
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

// The engines' words for a string too long or a stack too deep (V8, SpiderMonkey,
// JavaScriptCore).
const ENGINE_LIMIT = /string length|call stack|too much recursion|allocation size|out of memory|string too long/i;

/**
 * The input of call `name` as JSON text for `module`, or a ServexError. `acceptsText`:
 * the call takes JSON text as it is (score, scoreUnits).
 */
export function encode(module, name, input, acceptsText) {
  if (acceptsText && typeof input === "string") {
    // The module would read a lone surrogate as U+FFFD: text the caller did not write.
    if (!input.isWellFormed()) throw new ServexError("invalid_json", "", "the JSON text holds a lone surrogate");
    return input;
  }
  if (input === undefined) {
    throw new ServexError("invalid_document", "", `${name}() needs an input, got undefined`);
  }
  let text;
  try {
    text = JSON.stringify(input, replacerFor(name, module));
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
 * Refuses a document over the core's indicator limit before it is turned into text,
 * so that the refusal costs no copy of it (neither the text nor the module's parse of
 * it). Any fault met while looking (a throwing getter or proxy) is left for the
 * conversion to report as it always does.
 */
export function checkIndicatorCount(module, document) {
  let count;
  try {
    if (typeof document !== "object" || document === null || typeof document.toJSON === "function") return;
    const { indicators } = document;
    if (!Array.isArray(indicators)) return;
    count = indicators.length;
  } catch {
    return;
  }
  const refusal = module.checkIndicatorCount(count);
  if (refusal !== undefined) settle(refusal, false);
}
