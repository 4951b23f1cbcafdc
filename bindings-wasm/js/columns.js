// The fast path of the scale metrics (nps, csat, ces): a typed array of responses,
// and typed integer group labels, go into the module's memory as they are; only the
// other arguments travel as JSON text.

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

/**
 * The fast path's parts of a scale metric's input, `{options, responses, unsigned,
 * signed}`, or undefined when the input is anything else (it then goes the JSON way,
 * which reports whatever is wrong with it, e.g. a throwing getter, exactly as for any
 * other input).
 */
export function typedColumn(input) {
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
      responses:
        responses instanceof Uint8Array || responses instanceof Float64Array ? responses : new Float64Array(responses),
      unsigned: undefined,
      signed: undefined,
    };
    // Inherited groups: the JSON way does not see them, so it decides.
    if (groups !== undefined && !own("groups")) return undefined;
    if (groups === undefined || groups === null) return column;
    if (typeof groups.toJSON === "function") return undefined;
    if (isOneOf(groups, UNSIGNED_GROUPS))
      column.unsigned = groups instanceof Uint32Array ? groups : new Uint32Array(groups);
    else if (isOneOf(groups, SIGNED_GROUPS))
      column.signed = groups instanceof Int32Array ? groups : new Int32Array(groups);
    else return undefined;
    return column;
  } catch {
    return undefined;
  }
}
