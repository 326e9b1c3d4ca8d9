// The CLI's inputs: a file or stdin, read as NDJSON, a JSON array or CSV,
// cut into chunks of NDJSON text the validator takes in one call. Each chunk
// carries where its records come from: NDJSON lines are numbered by the
// validator from `firstLine`; CSV rows and JSON array items get a location
// per record (`locations[index]`).
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { extname } from "node:path";
import { ndjsonChunks, decodeUtf8, InputError } from "../node.mjs";
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

/**
 * Chunks of NDJSON text from an input stream in `format`.
 * @param {AsyncIterable<Uint8Array | string>} stream
 * @param {string} format
 * @param {import("./csv.mjs").Schema} schema
 * @param {number} chunkLines
 * @returns {AsyncGenerator<{ text: string, firstLine: number, locationKind?: "line" | "index", locations?: number[] }>}
 */
export async function* inputChunks(stream, format, schema, chunkLines) {
  try {
    if (format === "ndjson") yield* ndjsonChunks(stream, { chunkLines });
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
