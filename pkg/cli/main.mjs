#!/usr/bin/env node
// customer-schema check FILE|- : validates a file of customer records.
// Exit codes: 0 every record is valid, 1 some are invalid, 2 a usage or I/O
// error (one line on stderr, never a stack trace).
import { parseArgs } from "node:util";
import { open } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { InputError, mergeSummary } from "../node.mjs";
import { SCHEMAS } from "./check-chunk.mjs";
import { createPool } from "./pool.mjs";
import { FORMATS, formatOf, openInput, inputChunks } from "./sources.mjs";
import { humanReport, progressBar, FIRST_INVALID_KEPT } from "./report.mjs";

const USAGE = `Usage: customer-schema check FILE|- [options]

Validates customer records: FILE is .ndjson/.jsonl (one record per line),
.json (an array of records) or .csv (a header row of wire field names, with
address.<field> columns); - reads stdin (NDJSON unless --format says otherwise).

Options:
  --schema customer|create|update   which schema (default customer)
  --default-region CC               region for phone numbers without + (e.g. US)
  --unknown-keys strip|strict|passthrough   unknown keys (default strip)
  --locale TAG                      the language of the issues' messages (e.g. de; default en)
  --format ndjson|json|csv          input format (default: from the extension)
  --out FILE                        write the valid records, normalised, as NDJSON
  --report FILE                     write every invalid record's issues as JSON
  --jobs N                          worker threads (default: one per core, at most 4;
                                    one for stdin and files under 4 MiB)
  -h, --help                        this text

Exit status: 0 all records valid, 1 some invalid, 2 usage or I/O error.
`;

class UsageError extends Error {}

/** @typedef {import("./check-chunk.mjs").Job["schema"]} SchemaName */
/** @typedef {import("./pool.mjs").ChunkResult} ChunkResult */
/**
 * @typedef {{ file: string, format: string, schema: SchemaName, parseOptions: import("../index.js").ParseOptions,
 *   out?: string, report?: string, jobs: number | undefined, chunkLines: number, help?: undefined }} Args
 */

/**
 * @param {string[]} argv
 * @returns {Args | { help: true }}
 */
function readArgs(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        schema: { type: "string", default: "customer" },
        "default-region": { type: "string" },
        "unknown-keys": { type: "string" },
        locale: { type: "string" },
        format: { type: "string" },
        out: { type: "string" },
        report: { type: "string" },
        jobs: { type: "string" },
        "chunk-lines": { type: "string", default: "1000" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError(error.message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  const [command, file, ...rest] = positionals;
  if (command !== "check") throw new UsageError(command ? `unknown command "${command}"` : "missing command: check");
  if (file === undefined) throw new UsageError("missing FILE (or - for stdin)");
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (!(values.schema in SCHEMAS)) throw new UsageError(`--schema must be customer, create or update, not "${values.schema}"`);
  const format = values.format ?? (file === "-" ? "ndjson" : formatOf(file));
  if (format === undefined) throw new UsageError(`cannot tell the format of ${file} from its extension: use --format ndjson|json|csv`);
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be ndjson, json or csv, not "${format}"`);
  /**
   * @param {string} name
   * @param {string | undefined} text
   */
  const positive = (name, text) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1 || value > 1_000_000) throw new UsageError(`--${name} must be a positive integer, not "${text}"`);
    return value;
  };
  /** @type {import("../index.js").ParseOptions} */
  const parseOptions = {};
  if (values["default-region"] !== undefined) parseOptions.defaultRegion = values["default-region"];
  if (values["unknown-keys"] !== undefined) parseOptions.unknownKeys = /** @type {any} */ (values["unknown-keys"]);
  if (values.locale !== undefined) parseOptions.locale = values.locale;
  // The validator checks the options: each alone, so that a TypeError names
  // the flag it was given for (its message names the option).
  for (const [flag, option] of /** @type {const} */ ([["default-region", "defaultRegion"], ["unknown-keys", "unknownKeys"], ["locale", "locale"]])) {
    if (parseOptions[option] === undefined) continue;
    try {
      SCHEMAS[/** @type {SchemaName} */ (values.schema)].safeParse({}, { [option]: parseOptions[option] });
    } catch (error) {
      if (error instanceof TypeError) throw new UsageError(`--${flag}: ${error.message}`);
      throw error;
    }
  }
  return {
    file,
    format,
    schema: /** @type {SchemaName} */ (values.schema),
    parseOptions,
    out: values.out,
    report: values.report,
    jobs: values.jobs === undefined ? undefined : positive("jobs", values.jobs),
    chunkLines: positive("chunk-lines", values["chunk-lines"]),
  };
}

/**
 * @param {string} path
 * @param {string} what
 */
async function openOutput(path, what) {
  try {
    return await open(path, "w");
  } catch (error) {
    throw new InputError(`cannot write the ${what} file ${path}: ${error.code === "ENOENT" ? "no such directory" : error.message}`, error.code);
  }
}

// The default --jobs: no threads under this size; at most this many.
const SMALL_INPUT = 4 * 1024 * 1024;
const MAX_DEFAULT_JOBS = 4;

/** @param {Args} args */
async function check(args) {
  const started = process.hrtime.bigint();
  const input = await openInput(args.file);
  const out = args.out ? await openOutput(args.out, "--out") : undefined;
  const report = args.report ? await openOutput(args.report, "--report") : undefined;
  const job = { schema: args.schema, parseOptions: args.parseOptions, wantOut: out !== undefined };
  // By default a thread per core (each has its own module: about 35 MB),
  // but not for a small file, where starting them costs more than they save.
  const jobs = args.jobs ?? (input.size !== undefined && input.size >= SMALL_INPUT ? Math.min(availableParallelism(), MAX_DEFAULT_JOBS) : 1);
  const pool = createPool(job, jobs);
  const progress = progressBar(input.size, input.bytesRead);
  let summary = mergeSummary(undefined, { total: 0, valid: 0, invalid: 0, warned: 0, issues: [] });
  /** @type {import("./report.mjs").InvalidRecord[]} */
  const firstInvalid = [];
  let reported = false;
  if (report) await report.write(`{"file":${JSON.stringify(args.file)},"schema":"${args.schema}","format":"${args.format}","invalid":[`);
  const utf8 = new TextDecoder();
  /** @param {ChunkResult} result */
  const handle = async (result) => {
    if ("notUtf8At" in result) throw new InputError(`the input is not valid UTF-8 (at byte offset ${result.notUtf8At})`, "ENCODING");
    summary = mergeSummary(summary, result.summary);
    if (result.report.length > 0) {
      // Entries are `,\n{…}`: one JSON object a line. Only the first few are read here.
      if (firstInvalid.length < FIRST_INVALID_KEPT) {
        for (const line of utf8.decode(result.report).split("\n")) {
          if (firstInvalid.length >= FIRST_INVALID_KEPT) break;
          const entry = line.endsWith(",") ? line.slice(0, -1) : line;
          if (entry !== "") firstInvalid.push(JSON.parse(entry));
        }
      }
      // The file's first entry without its comma.
      if (report) await report.write(reported ? result.report : result.report.subarray(1));
      reported = true;
    }
    if (out && result.out.length > 0) await out.write(result.out);
    progress.update(summary.total);
  };
  try {
    /** @type {Promise<ChunkResult>[]} */
    const inflight = [];
    for await (const chunk of inputChunks(input.stream, args.format, SCHEMAS[args.schema], args.chunkLines)) {
      inflight.push(pool.run(chunk));
      if (inflight.length >= jobs * 2) await handle(await /** @type {Promise<ChunkResult>} */ (inflight.shift()));
    }
    while (inflight.length > 0) await handle(await /** @type {Promise<ChunkResult>} */ (inflight.shift()));
  } finally {
    progress.done();
    await pool.close();
    await out?.close();
  }
  if (report) {
    await report.write(`\n],"summary":${JSON.stringify(summary)}}\n`);
    await report.close();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(humanReport({ file: args.file, schema: args.schema, format: args.format, summary, firstInvalid, seconds }));
  return summary.invalid > 0 ? 1 : 0;
}

/** @param {string[]} argv */
async function main(argv) {
  try {
    const args = readArgs(argv);
    if (args.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    return await check(args);
  } catch (error) {
    const message = error instanceof UsageError ? `${error.message} (see --help)` : error instanceof InputError ? error.message : `internal error: ${error?.message ?? error}`;
    process.stderr.write(`customer-schema: ${message}\n`);
    return 2;
  }
}

// Last resort: whatever escapes is still one line and exit 2, not a trace.
process.on("uncaughtException", (error) => {
  process.stderr.write(`customer-schema: ${error instanceof InputError ? "" : "internal error: "}${error?.message ?? error}\n`);
  process.exit(2);
});
// A closed pipe (| head) is not an error worth a trace.
process.stdout.on("error", (/** @type {NodeJS.ErrnoException} */ error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
});
process.exitCode = await main(process.argv.slice(2));
