// One chunk of a check: validated in one call, reduced to what the CLI
// needs (the summary, the invalid records with their location, the
// normalised NDJSON of the valid ones). Runs in the main thread (--jobs 1)
// or in a worker thread (--jobs N): the same code either way.
import { CustomerSchema, CreateCustomerSchema, UpdateCustomerSchema } from "../node.mjs";

export const SCHEMAS = { customer: CustomerSchema, create: CreateCustomerSchema, update: UpdateCustomerSchema };

/** @typedef {{ schema: keyof typeof SCHEMAS, parseOptions: object, wantOut: boolean }} Job */
/** @typedef {{ text: string, firstLine: number, locationKind?: string, locations?: number[] }} Chunk */

/**
 * @param {Job} job
 * @param {Chunk} chunk
 */
export function checkChunk(job, chunk) {
  const batch = SCHEMAS[job.schema].safeParseNdjson(chunk.text, job.parseOptions, chunk.firstLine);
  const invalid = [];
  let out = "";
  for (const r of batch.results) {
    if (r.success) {
      if (job.wantOut) out += `${JSON.stringify(r.data)}\n`;
      continue;
    }
    const where = chunk.locations
      ? { [/** @type {string} */ (chunk.locationKind)]: chunk.locations[r.index] }
      : { line: r.line };
    invalid.push({ ...where, issues: r.error.issues, warnings: r.warnings });
  }
  return { summary: batch.summary, invalid, out };
}
