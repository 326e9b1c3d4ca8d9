// What a person reads: a summary table, the top issues by field and code,
// the postal code and state issues by country, the first invalid records
// with their line numbers and messages; and a progress bar on stderr, only
// when stderr is a terminal and the input large.

const TOP_ISSUES = 10;
const TOP_COUNTRIES = 10;
const FIRST_INVALID = 5;
const PROGRESS_MIN_BYTES = 8 * 1024 * 1024;

/**
 * An invalid record as the report shows it: where it is, and its issues.
 * @typedef {{ line?: number, index?: number, issues: { path: (string | number)[], message: string }[] }} InvalidRecord
 */

/** @param {number} x */
const n = (x) => x.toLocaleString("en-US");
/**
 * @param {unknown} s
 * @param {number} width
 */
const pad = (s, width) => String(s).padEnd(width);
/**
 * @param {unknown} s
 * @param {number} width
 */
const lpad = (s, width) => String(s).padStart(width);

/** @param {(string | number)[]} path */
function formatPath(path) {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out === "" ? key : `.${key}`;
  return out === "" ? "(record)" : out;
}

/** @param {InvalidRecord} record */
function where(record) {
  return record.line !== undefined ? `line ${record.line}` : `record ${record.index}`;
}

/**
 * The human report, as text.
 * @param {{ file: string, schema: string, format: string, summary: import("../index.js").BatchSummary, firstInvalid: InvalidRecord[], seconds: number }} report
 */
export function humanReport({ file, schema, format, summary, firstInvalid, seconds }) {
  const lines = [];
  /** @param {number} x */
  const pct = (x) => (summary.total ? ` (${((100 * x) / summary.total).toFixed(1)}%)` : "");
  lines.push(`${file === "-" ? "stdin" : file}: ${format}, schema ${schema}, ${seconds.toFixed(1)} s`);
  lines.push("");
  const width = n(summary.total).length;
  lines.push(`  records   ${lpad(n(summary.total), width)}`);
  lines.push(`  valid     ${lpad(n(summary.valid), width)}${pct(summary.valid)}`);
  lines.push(`  invalid   ${lpad(n(summary.invalid), width)}${pct(summary.invalid)}`);
  lines.push(`  warnings  ${lpad(n(summary.warned), width)} record${summary.warned === 1 ? "" : "s"}`);
  if (summary.issues.length > 0) {
    const top = summary.issues.slice(0, TOP_ISSUES);
    const fieldWidth = Math.max(5, ...top.map((c) => (c.path || "(record)").length));
    const codeWidth = Math.max(4, ...top.map((c) => c.code.length));
    lines.push("");
    lines.push(`Top issues`);
    lines.push(`  ${pad("field", fieldWidth)}  ${pad("code", codeWidth)}  count`);
    for (const c of top) lines.push(`  ${pad(c.path || "(record)", fieldWidth)}  ${pad(c.code, codeWidth)}  ${lpad(n(c.count), 5)}`);
    if (summary.issues.length > TOP_ISSUES) lines.push(`  … ${summary.issues.length - TOP_ISSUES} more field/code pairs`);
  }
  const countries = summary.countries ?? [];
  if (countries.length > 0) {
    const top = countries.slice(0, TOP_COUNTRIES);
    const name = (/** @type {string | null} */ country) => country ?? "(none)";
    const countryWidth = Math.max(7, ...top.map((c) => name(c.country).length));
    const postalWidth = Math.max(11, ...top.map((c) => n(c.postalCode).length));
    lines.push("");
    lines.push(`Postal codes and states by country`);
    lines.push(`  ${pad("country", countryWidth)}  ${pad("postal code", postalWidth)}  state`);
    for (const c of top) lines.push(`  ${pad(name(c.country), countryWidth)}  ${lpad(n(c.postalCode), postalWidth)}  ${lpad(n(c.state), 5)}`);
    if (countries.length > TOP_COUNTRIES) lines.push(`  … ${countries.length - TOP_COUNTRIES} more countries`);
  }
  if (firstInvalid.length > 0) {
    lines.push("");
    lines.push(`First invalid records`);
    for (const record of firstInvalid.slice(0, FIRST_INVALID)) {
      lines.push(`  ${where(record)}`);
      for (const issue of record.issues) lines.push(`    ${formatPath(issue.path)}: ${issue.message}`);
    }
    const more = summary.invalid - Math.min(firstInvalid.length, FIRST_INVALID);
    if (more > 0) lines.push(`  … and ${n(more)} more (--report FILE lists every one)`);
  }
  return `${lines.join("\n")}\n`;
}

export const FIRST_INVALID_KEPT = FIRST_INVALID;

/**
 * A progress bar on stderr, or a no-op when stderr is not a terminal or the input is small.
 * @param {number | undefined} size  the input's size in bytes, when known
 * @param {() => number} bytesRead
 * @returns {{ update(records: number): void, done(): void }}
 */
export function progressBar(size, bytesRead) {
  const stream = process.stderr;
  if (!stream.isTTY || size === undefined || size < PROGRESS_MIN_BYTES) return { update() {}, done() {} };
  let last = 0;
  return {
    update(records) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const fraction = Math.min(1, bytesRead() / size);
      const width = 30;
      const full = Math.round(fraction * width);
      stream.write(`\r${lpad((fraction * 100).toFixed(0), 3)}% [${"█".repeat(full)}${"░".repeat(width - full)}] ${n(records)} records`);
    },
    done() {
      stream.write("\r\x1b[K");
    },
  };
}
