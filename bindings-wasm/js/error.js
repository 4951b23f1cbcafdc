// The one error of the package, and the envelope the modules answer with.

/** Every failure of servex: an `Error` named `ServexError` with `kind` and `path`. */
export class ServexError extends Error {
  constructor(kind, path, message, options) {
    super(path === "" ? message : `${message} (at "${path}")`, options);
    /** One of the core's error kinds (`ERROR_KINDS`), e.g. `"invalid_value"`. */
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

/**
 * The result of an envelope, `{"ok": result}`, or its error, `{"error": {kind, path,
 * message}}`, thrown as a ServexError. `fromText`: the caller gave JSON text; when it
 * did not, the text is ours and valid JSON, which the parser can only refuse for a
 * lone surrogate: a fault of the caller's object, `invalid_document`.
 */
export function settle(envelope, fromText) {
  const answer = JSON.parse(envelope);
  if (answer.error === undefined) return answer.ok;
  const { kind, path, message } = answer.error;
  throw new ServexError(kind === "invalid_json" && !fromText ? "invalid_document" : kind, path, message);
}
