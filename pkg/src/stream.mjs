// Streaming validation of NDJSON (one record per line) for Node: the text is
// cut into chunks of whole lines and each chunk is validated in one call
// into the WebAssembly module (`schema.safeParseNdjson`), which parses every
// line itself, so a line that is not JSON is a failed record with the JSON
// parser's message and its line number. Memory holds one chunk at a time,
// whatever the size of the input.
import { decodeUtf8, InputError } from "./decode.mjs";

const DEFAULT_CHUNK_LINES = 1000;
// A chunk is cut early when its text passes this many characters, so long
// lines do not grow the buffer; one line longer than MAX_LINE_CHARS is an error.
const MAX_CHUNK_CHARS = 4 * 1024 * 1024;
const MAX_LINE_CHARS = 64 * 1024 * 1024;

/**
 * Cuts a byte or text stream into chunks of whole lines.
 * @param {AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>} source
 * @returns {AsyncGenerator<{ text: string, firstLine: number, lines: number }>}
 */
export async function* ndjsonChunks(source, { chunkLines = DEFAULT_CHUNK_LINES } = {}) {
  if (!Number.isInteger(chunkLines) || chunkLines < 1) throw new TypeError("chunkLines must be a positive integer");
  let pending = "";
  let scanned = 0; // pending[0, scanned) has been searched for newlines
  let newlines = 0; // newlines in pending[0, scanned)
  let lastNewline = -1;
  let firstLine = 1;
  const cut = () => {
    const chunk = { text: pending.slice(0, lastNewline), firstLine, lines: newlines };
    pending = pending.slice(lastNewline + 1);
    firstLine += newlines;
    scanned = 0;
    newlines = 0;
    lastNewline = -1;
    return chunk;
  };
  for await (const text of decodeUtf8(source)) {
    pending += text;
    for (;;) {
      const at = pending.indexOf("\n", scanned);
      if (at === -1) {
        scanned = pending.length;
        break;
      }
      newlines += 1;
      lastNewline = at;
      scanned = at + 1;
      if (newlines >= chunkLines || lastNewline >= MAX_CHUNK_CHARS) yield cut();
    }
    if (pending.length - (lastNewline + 1) > MAX_LINE_CHARS) {
      throw new InputError(`line ${firstLine + newlines} is longer than ${MAX_LINE_CHARS} characters`, "LINE_TOO_LONG");
    }
  }
  if (newlines > 0) yield cut();
  if (pending.length > 0) yield { text: pending, firstLine, lines: 1 };
}

/**
 * Validates NDJSON chunk by chunk: yields `{ results, summary }` per chunk,
 * each result with its `line`.
 * @template T
 * @param {import("../index.js").TextSource} source
 * @param {import("../index.js").Schema<T>} schema  CustomerSchema, CreateCustomerSchema or UpdateCustomerSchema
 * @param {import("../index.js").StreamOptions} [options]
 */
export async function* validateNdjsonChunks(source, schema, { chunkLines, ...parseOptions } = {}) {
  for await (const chunk of ndjsonChunks(source, { chunkLines })) {
    yield schema.safeParseNdjson(chunk.text, parseOptions, chunk.firstLine);
  }
}

/**
 * Validates NDJSON record by record: yields each result (with `line`).
 * @template T
 * @param {import("../index.js").TextSource} source
 * @param {import("../index.js").Schema<T>} schema
 * @param {import("../index.js").StreamOptions} [options]
 */
export async function* validateNdjson(source, schema, options) {
  for await (const batch of validateNdjsonChunks(source, schema, options)) yield* batch.results;
}

export { InputError };
