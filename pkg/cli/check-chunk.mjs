// One chunk of a check: validated in one call, reduced to what the CLI
// writes (the summary, the report's entries for the invalid records, the
// normalised NDJSON of the valid ones), as bytes. Runs in the main thread
// (--jobs 1) or in a worker thread (--jobs N): the same code either way.
//
// An NDJSON chunk is bytes in and bytes out: the module checks it whole
// (checkNdjsonBytes). A chunk of JSON array items or CSV rows (NDJSON text
// with a location per record) goes through safeParseNdjson, and its entries
// are written here with their own locations.
import { CustomerSchema, CreateCustomerSchema, UpdateCustomerSchema, checkNdjsonBytes } from "../node.mjs";

export const SCHEMAS = { customer: CustomerSchema, create: CreateCustomerSchema, update: UpdateCustomerSchema };

/** @typedef {{ schema: keyof typeof SCHEMAS, parseOptions: object, wantOut: boolean }} Job */
/**
 * @typedef {{ bytes: Uint8Array, firstLine: number, offset: number }
 *   | { text: string, firstLine: number, locationKind: "line" | "index", locations: number[] }} Chunk
 */
/**
 * What a chunk gives: its summary, the report's entries (each `,\n{…}`) and
 * the `--out` lines, as bytes; or where its bytes stop being UTF-8 (an
 * offset in the input).
 * @typedef {{ summary: import("../index.js").BatchSummary, report: Uint8Array, out: Uint8Array } | { notUtf8At: number }} ChunkResult
 */

const encoder = new TextEncoder();

/**
 * @param {Job} job
 * @param {Chunk} chunk
 * @returns {ChunkResult}
 */
export function checkChunk(job, chunk) {
  const schema = SCHEMAS[job.schema];
  if ("bytes" in chunk) {
    const checked = checkNdjsonBytes(chunk.bytes, schema, { firstLine: chunk.firstLine, out: job.wantOut, options: job.parseOptions });
    return "notUtf8At" in checked ? { notUtf8At: chunk.offset + checked.notUtf8At } : checked;
  }
  const batch = schema.safeParseNdjson(chunk.text, job.parseOptions, chunk.firstLine);
  let report = "";
  let out = "";
  for (const r of batch.results) {
    if (r.success) {
      if (job.wantOut) out += `${JSON.stringify(r.data)}\n`;
      continue;
    }
    const where = { [chunk.locationKind]: chunk.locations[r.index] };
    report += `,\n${JSON.stringify({ ...where, issues: r.error.issues, warnings: r.warnings })}`;
  }
  return { summary: batch.summary, report: encoder.encode(report), out: encoder.encode(out) };
}
