// The CLI's inputs: a file or stdin, read as NDJSON, a JSON array or CSV,
// cut into chunks the validator takes in one call. NDJSON stays bytes: whole
// lines, handed to the module as they were read (it checks the UTF-8, splits
// the lines and numbers them from `firstLine`). JSON arrays and CSV become
// chunks of NDJSON text whose records carry their own location
// (`locations[index]`: a CSV row's line, an array item's index).
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { extname } from "node:path";
import { decodeUtf8, InputError } from "../node.mjs";
import { csvRecords } from "./csv.mjs";

export const FORMATS = ["ndjson", "json", "csv"];

/**
 * The format named by a file's extension, or undefined.
 * @param {string} file
 */
export function formatOf(file) {
  const ext = extname(file).toLowerCase();
  if (ext === ".ndjson" || ext === ".jsonl") return "ndjson";
  if (ext === ".json") return "json";
  if (ext === ".csv") return "csv";
  return undefined;
}

/**
 * Opens FILE (or stdin for "-"). Returns the byte stream, its size when known,
 * and a function telling how many bytes have been read (for the progress bar).
 * @param {string} file
 */
export async function openInput(file) {
  if (file === "-") return { stream: process.stdin, size: undefined, bytesRead: () => 0 };
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${error.code === "ENOENT" ? "no such file" : error.message}`, error.code);
  }
  if (info.isDirectory()) throw new InputError(`cannot read ${file}: it is a directory`, "EISDIR");
  const stream = createReadStream(file);
  // Surface open errors (permissions) as InputError when iterated.
  return { stream, size: info.size, bytesRead: () => stream.bytesRead };
}

/**
 * @template T
 * @param {AsyncIterable<T>} records
 * @param {number} size
 */
async function* groups(records, size) {
  /** @type {T[]} */
  let group = [];
  for await (const item of records) {
    group.push(item);
    if (group.length >= size) {
      yield group;
      group = [];
    }
  }
  if (group.length > 0) yield group;
}

/**
 * @param {{ record: unknown, at: number }[]} items
 * @param {"line" | "index"} kind
 */
function chunkOf(items, kind) {
  return {
    text: items.map(({ record }) => JSON.stringify(record)).join("\n"),
    firstLine: 1,
    locationKind: kind,
    locations: items.map((item) => item.at),
  };
}

/**
 * @param {AsyncIterable<Uint8Array | string>} stream
 * @param {number} chunkLines
 */
async function* jsonArrayChunks(stream, chunkLines) {
  let text = "";
  for await (const piece of decodeUtf8(stream)) text += piece;
  let list;
  try {
    list = JSON.parse(text);
  } catch (error) {
    throw new InputError(`not valid JSON: ${error.message}`, "JSON");
  }
  text = "";
  if (!Array.isArray(list)) throw new InputError("not a JSON array of records", "JSON");
  for (let start = 0; start < list.length; start += chunkLines) {
    const items = list.slice(start, start + chunkLines).map((/** @type {unknown} */ record, /** @type {number} */ i) => ({ record, at: start + i }));
    yield chunkOf(items, "index");
  }
}

/**
 * @param {AsyncIterable<Uint8Array | string>} stream
 * @param {import("./csv.mjs").Schema} schema
 * @param {number} chunkLines
 */
async function* csvChunks(stream, schema, chunkLines) {
  async function* rows() {
    for await (const { record, line } of csvRecords(decodeUtf8(stream), schema)) yield { record, at: line };
  }
  for await (const items of groups(rows(), chunkLines)) yield chunkOf(items, "line");
}

// A chunk is cut early past this many bytes, so long lines do not grow it;
// a line longer than MAX_LINE_BYTES is an error (as the streaming API has it).
const MAX_CHUNK_BYTES = 4 * 1024 * 1024;
const MAX_LINE_BYTES = 64 * 1024 * 1024;

/**
 * NDJSON as chunks of whole lines, still bytes: at most `chunkLines` lines
 * (or MAX_CHUNK_BYTES) each, with the number of their first line and the
 * offset of their first byte. A UTF-8 byte order mark is dropped; UTF-16,
 * told by its mark, is refused by name. Each chunk's bytes are its own
 * (a copy), so a worker thread can be handed them.
 * @param {AsyncIterable<Uint8Array | string>} stream
 * @param {number} chunkLines
 * @returns {AsyncGenerator<{ bytes: Uint8Array, firstLine: number, offset: number }>}
 */
async function* ndjsonByteChunks(stream, chunkLines) {
  /** @type {Buffer} */
  let pending = Buffer.alloc(0);
  let scanned = 0; // pending[0, scanned) has been searched for newlines
  let lines = 0; // newlines in pending[0, scanned)
  let end = 0; // just past the last of them
  let firstLine = 1;
  let offset = 0;
  let first = true;
  const cut = () => {
    // (A copy: Buffer#slice would share the memory.)
    const chunk = { bytes: new Uint8Array(pending.subarray(0, end)), firstLine, offset };
    pending = pending.subarray(end);
    firstLine += lines;
    offset += end;
    scanned -= end;
    lines = 0;
    end = 0;
    return chunk;
  };
  for await (const piece of stream) {
    /** @type {Buffer} */
    let bytes = typeof piece === "string" ? Buffer.from(piece) : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    if (first && bytes.length > 0) {
      first = false;
      if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
        throw new InputError("the input is UTF-16 text; convert it to UTF-8", "ENCODING");
      }
      if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        bytes = bytes.subarray(3);
        offset = 3;
      }
    }
    pending = pending.length > 0 ? Buffer.concat([pending, bytes]) : bytes;
    for (;;) {
      const at = pending.indexOf(10, scanned);
      if (at === -1) {
        scanned = pending.length;
        break;
      }
      lines += 1;
      end = at + 1;
      scanned = end;
      if (lines >= chunkLines || end >= MAX_CHUNK_BYTES) yield cut();
    }
    if (pending.length - end > MAX_LINE_BYTES) {
      throw new InputError(`line ${firstLine + lines} is longer than ${MAX_LINE_BYTES} bytes`, "LINE_TOO_LONG");
    }
  }
  if (lines > 0) yield cut();
  if (pending.length > 0) yield { bytes: new Uint8Array(pending), firstLine, offset };
}

/**
 * Chunks from an input stream in `format`: NDJSON as bytes, the others as
 * NDJSON text with their records' locations.
 * @param {AsyncIterable<Uint8Array | string>} stream
 * @param {string} format
 * @param {import("./csv.mjs").Schema} schema
 * @param {number} chunkLines
 * @returns {AsyncGenerator<import("./check-chunk.mjs").Chunk>}
 */
export async function* inputChunks(stream, format, schema, chunkLines) {
  try {
    if (format === "ndjson") yield* ndjsonByteChunks(stream, chunkLines);
    else if (format === "json") yield* jsonArrayChunks(stream, chunkLines);
    else yield* csvChunks(stream, schema, chunkLines);
  } catch (error) {
    if (error instanceof InputError || error instanceof TypeError) throw error;
    if (error && typeof error.code === "string" && error.syscall) {
      throw new InputError(`cannot read the input: ${error.message}`, error.code);
    }
    throw error;
  }
}
