// Bytes to text for the streaming API and the CLI: strict UTF-8 (a byte
// sequence that is not UTF-8 is an error, never silently replaced), a UTF-8
// byte order mark dropped, UTF-16 recognised by its mark and refused by name.

/** An input that cannot be read as text at all (not a validation issue). */
export class InputError extends Error {
  /**
   * @param {string} message
   * @param {string} code
   */
  constructor(message, code) {
    super(message);
    this.name = "InputError";
    this.code = code;
  }
}

/**
 * Decodes an async iterable of `Uint8Array` (a Node stream) or strings into strings.
 * @param {AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>} source
 */
export async function* decodeUtf8(source) {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let offset = 0;
  let first = true;
  for await (const chunk of source) {
    if (typeof chunk === "string") {
      yield first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
      first = false;
      continue;
    }
    if (first && chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
      throw new InputError("the input is UTF-16 text; convert it to UTF-8", "ENCODING");
    }
    first = false;
    let text;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new InputError(`the input is not valid UTF-8 (in the bytes after offset ${offset})`, "ENCODING");
    }
    offset += chunk.length;
    if (text) yield text;
  }
  let rest;
  try {
    rest = decoder.decode();
  } catch {
    throw new InputError("the input is not valid UTF-8 (it ends inside a character)", "ENCODING");
  }
  if (rest) yield rest;
}
