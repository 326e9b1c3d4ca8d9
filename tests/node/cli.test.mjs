// The customer-schema CLI, run as a process: every exit code, the human
// report, --out, --report, --jobs, stdin, and CSV edge cases (quoted commas
// and newlines, BOM, CRLF, missing columns, malformed headers).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CustomerSchema, CreateCustomerSchema } from "customer-schema";

const bin = fileURLToPath(new URL("../../pkg/cli/main.mjs", import.meta.url));
const examples = fileURLToPath(new URL("../../examples/", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "customer-schema-cli-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));

/**
 * @param {string[]} args
 * @param {{ input?: string }} [stdin]
 */
function cli(args, { input } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function file(name, content) {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const good = {
  id: "cust_1", firstname: "Jane", lastname: "Doe", email: "jane@example.com",
  phone_number: "+14155552671", createdAt: 1709856000000, updatedAt: 1709856000000,
};

test("exit 0 when every record is valid; the summary says so", () => {
  const path = file("good.ndjson", `${JSON.stringify(good)}\n${JSON.stringify({ ...good, id: "cust_2" })}\n`);
  const r = cli(["check", path]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /records\s+2\n/);
  assert.match(r.stdout, /invalid\s+0/);
  assert.equal(r.stderr, "", "no progress bar or decoration when not a terminal");
});

test("exit 1 on the sample file, with top issues and the first bad records by line", () => {
  const r = cli(["check", join(examples, "customers-sample.ndjson")]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /records\s+300/);
  assert.match(r.stdout, /Top issues/);
  assert.match(r.stdout, /phone_number\s+invalid_format/);
  assert.match(r.stdout, /First invalid records\n {2}line \d+\n {4}\S+: /);
});

test("--report lists every invalid record with its line; --out holds the normalised valid records", () => {
  const sample = join(examples, "customers-sample.ndjson");
  const report = join(dir, "report.json");
  const out = join(dir, "out.ndjson");
  const r = cli(["check", sample, "--report", report, "--out", out]);
  assert.equal(r.code, 1, r.stderr);
  const json = JSON.parse(readFileSync(report, "utf8"));
  const lines = readFileSync(sample, "utf8").split("\n");
  const expectedBad = lines
    .map((line, i) => ({ line: i + 1, result: line && CustomerSchema.safeParse(JSON.parse(line)) }))
    .filter((x) => x.result && !x.result.success);
  assert.equal(json.summary.invalid, expectedBad.length);
  assert.deepEqual(json.invalid.map((x) => x.line), expectedBad.map((x) => x.line));
  assert.deepEqual(json.invalid[0].issues, expectedBad[0].result.error.issues);
  const written = readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(written.length, json.summary.valid);
  const firstGood = lines.find((l) => l && CustomerSchema.safeParse(JSON.parse(l)).success);
  assert.deepEqual(written[0], CustomerSchema.parse(JSON.parse(firstGood)));
});

test("--jobs 2 gives the same report as --jobs 1", () => {
  const sample = join(examples, "customers-sample.ndjson");
  const one = join(dir, "one.json");
  const two = join(dir, "two.json");
  assert.equal(cli(["check", sample, "--report", one, "--chunk-lines", "17"]).code, 1);
  assert.equal(cli(["check", sample, "--report", two, "--jobs", "2", "--chunk-lines", "17"]).code, 1);
  assert.deepEqual(JSON.parse(readFileSync(two, "utf8")), JSON.parse(readFileSync(one, "utf8")));
});

test("without --jobs a file over 4 MiB is shared among threads, with the same report as --jobs 1", () => {
  const big = join(dir, "big.ndjson");
  const made = spawnSync(process.execPath, [fileURLToPath(new URL("../../scripts/gen-customers.mjs", import.meta.url)), "--count", "16000", "--seed", "3", "--out", big], { encoding: "utf8" });
  assert.equal(made.status, 0, made.stderr);
  assert.ok(readFileSync(big).length > 4 * 1024 * 1024, "the file is over the threshold");
  const one = join(dir, "big-one.json");
  const auto = join(dir, "big-auto.json");
  assert.equal(cli(["check", big, "--report", one, "--jobs", "1"]).code, 1);
  assert.equal(cli(["check", big, "--report", auto]).code, 1);
  assert.deepEqual(JSON.parse(readFileSync(auto, "utf8")), JSON.parse(readFileSync(one, "utf8")));
});

test("stdin with - ; --schema, --default-region and --unknown-keys reach the validator", () => {
  const record = JSON.stringify({ firstname: "A", phone_number: "(415) 555-2671", extra: 1 });
  assert.equal(cli(["check", "-", "--schema", "create", "--default-region", "US"], { input: `${record}\n` }).code, 0);
  assert.equal(cli(["check", "-", "--schema", "create"], { input: `${record}\n` }).code, 1, "no region: the national number is invalid");
  const strict = cli(["check", "-", "--schema", "create", "--default-region", "us", "--unknown-keys", "strict"], { input: `${record}\n` });
  assert.equal(strict.code, 1);
  assert.match(strict.stdout, /unrecognized_keys/);
});

test("bad postal codes and states are counted by the address's country, across chunks and workers", () => {
  const address = (postalCode, state, country) => ({ ...good, address: { street: "1 Main St", city: "Springfield", state, postalCode, country } });
  const records = [
    address("12", "CA", "US"), address("94105", "Californa", "usa"), address("10001", "CA", "US"),
    address("SW1A", "London", "GB"), address("SW1A 1AA", "London", "GB"), address("K1A 0B1", "Ontario", "CA"),
    address("X", "Nowhere", "Atlantis"),
  ];
  const path = file("addresses.ndjson", records.map((r) => `${JSON.stringify(r)}\n`).join(""));
  const expected = [
    { country: "US", postalCode: 2, state: 1 },
    { country: null, postalCode: 1, state: 0 },
    { country: "GB", postalCode: 1, state: 0 },
  ];
  for (const args of [[], ["--chunk-lines", "2", "--jobs", "2"]]) {
    const report = join(dir, `addresses-${args.length}.json`);
    const r = cli(["check", path, "--report", report, ...args]);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(JSON.parse(readFileSync(report, "utf8")).summary.countries, expected, args.join(" "));
    assert.match(r.stdout, /Postal codes and states by country\n {2}country {2}postal code {2}state\n {2}US {7}\s+2 {6}1\n {2}\(none\)\s+1 {6}0\n {2}GB {7}\s+1 {6}0\n/);
  }
  const clean = cli(["check", file("no-address-issue.ndjson", `${JSON.stringify(address("94105", "CA", "US"))}\n`)]);
  assert.equal(clean.code, 0, clean.stderr);
  assert.doesNotMatch(clean.stdout, /by country/);
});

test("a JSON array file: records are located by index", () => {
  const path = file("list.json", JSON.stringify([good, { ...good, email: "nope" }]));
  const r = cli(["check", path]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /record 1\n {4}email: /);
});

test("the CSV sample: 300 rows, bad rows reported by their line", () => {
  const r = cli(["check", join(examples, "customers-sample.csv")]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /records\s+300/);
  assert.match(r.stdout, /line \d+\n/);
});

test("CSV edge cases: BOM, CRLF, quoted commas, quotes and newlines, JSON cells, missing columns", () => {
  const csv =
    "\ufeffid,firstname,lastname,company,tags,isValidatedNames,createdAt,updatedAt,address.street,address.city,address.state,address.postalCode,address.country\r\n" +
    'cust_1,Jane,Doe,"Doe, Smith & Co","[""vip"",""new""]",true,1709856000000,1709856000000,"1 Main St, Apt 2",Springfield,IL,62701,usa\r\n' +
    'cust_2,"Multi\r\nLine",O\'Brien,"The ""Best"" Shop",,,1709856000000,1709856000000,2 Elm St,Dublin,Dublin,D02 X285,IE\r\n' +
    "cust_3,Short\r\n";
  const path = file("edge.csv", csv);
  const out = join(dir, "edge-out.ndjson");
  const report = join(dir, "edge-report.json");
  const r = cli(["check", path, "--out", out, "--report", report]);
  assert.equal(r.code, 1, r.stderr);
  const rows = readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(rows.length, 2);
  assert.equal(rows[0].company, "Doe, Smith & Co");
  assert.deepEqual(rows[0].tags, ["vip", "new"]);
  assert.equal(rows[0].isValidatedNames, true);
  assert.equal(rows[0].address.street, "1 Main St, Apt 2");
  assert.equal(rows[0].address.country, "US");
  assert.equal(rows[1].firstname, "Multi Line", "a quoted newline collapses like any whitespace");
  assert.equal(rows[1].company, 'The "Best" Shop');
  const bad = JSON.parse(readFileSync(report, "utf8")).invalid;
  assert.equal(bad.length, 1);
  assert.equal(bad[0].line, 5, "the row after a two-line row starts on line 5");
  assert.deepEqual(bad[0].issues.map((i) => i.path.join(".")), ["createdAt", "updatedAt"], "missing cells are missing fields");
});

test("a CSV cell of the wrong type stays a string, so the validator names the type", () => {
  const path = file("types.csv", "id,createdAt,updatedAt,isValidatedNames\ncust_1,yesterday,1709856000000,maybe\n");
  const report = join(dir, "types.json");
  assert.equal(cli(["check", path, "--report", report]).code, 1);
  const issues = JSON.parse(readFileSync(report, "utf8")).invalid[0].issues;
  assert.deepEqual(issues.map((i) => [i.path[0], i.code, i.received]), [["isValidatedNames", "invalid_type", "string"], ["createdAt", "invalid_type", "string"]]);
});

function assertUsageOrIo(r, pattern) {
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.equal(r.stdout, "");
  assert.match(r.stderr, /^customer-schema: [^\n]+\n$/, "one line");
  assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
  assert.match(r.stderr, pattern);
}

test("exit 2: a missing file", () => assertUsageOrIo(cli(["check", join(dir, "nope.ndjson")]), /no such file/));
test("exit 2: bytes that are not UTF-8", () =>
  assertUsageOrIo(cli(["check", file("latin1.ndjson", Buffer.from('{"firstname":"Jos\xe9"}\n', "latin1"))]), /not valid UTF-8/));
test("exit 2: bytes that are not UTF-8, named by their offset in the file, in any chunk and with any --jobs", () => {
  const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify({ ...good, id: `c${i}` }));
  const head = Buffer.from(`${lines.join("\n")}\n{"firstname":"Jos`);
  const bad = file("late-latin1.ndjson", Buffer.concat([head, Buffer.from([0xe9]), Buffer.from('"}\n')]));
  for (const jobs of ["1", "2"]) {
    const r = cli(["check", bad, "--chunk-lines", "7", "--jobs", jobs]);
    assertUsageOrIo(r, new RegExp(`not valid UTF-8 \\(at byte offset ${head.length}\\)`));
  }
});
test("NDJSON: a UTF-8 byte order mark is dropped, CRLF line ends and blank lines are read, lines are numbered as in the file", () => {
  const text = `\ufeff${JSON.stringify(good)}\r\n\r\n${JSON.stringify({ ...good, email: "nope" })}\r\n${JSON.stringify(good)}`;
  const report = join(dir, "bom-report.json");
  const out = join(dir, "bom-out.ndjson");
  const r = cli(["check", file("bom.ndjson", text), "--report", report, "--out", out, "--chunk-lines", "2"]);
  assert.equal(r.code, 1, r.stderr);
  const json = JSON.parse(readFileSync(report, "utf8"));
  assert.deepEqual(json.invalid.map((/** @type {{ line: number }} */ i) => i.line), [3]);
  assert.deepEqual(json.summary.total, 3);
  assert.deepEqual(readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l)), [CustomerSchema.parse(good), CustomerSchema.parse(good)]);
});
test("exit 2: UTF-16 text", () =>
  assertUsageOrIo(cli(["check", file("utf16.csv", Buffer.from("\ufeffid,firstname\r\ncust_1,A\r\n", "utf16le"))]), /UTF-16/));
test("exit 2: malformed CSV headers", () => {
  assertUsageOrIo(cli(["check", file("dup.csv", "id,id\n1,2\n")]), /malformed CSV header: column "id" appears twice/);
  assertUsageOrIo(cli(["check", file("empty-col.csv", "id,,email\n1,2,3\n")]), /column 2 has no name/);
  assertUsageOrIo(cli(["check", file("dots.csv", "id,foo.bar\n1,2\n")]), /only address.<field> columns/);
});
test("exit 2: a CSV row with more cells than the header", () =>
  assertUsageOrIo(cli(["check", file("long.csv", "id,firstname\ncust_1,A,extra\n")]), /malformed CSV/));
test("exit 2: a .json file that is not a JSON array", () => {
  assertUsageOrIo(cli(["check", file("obj.json", '{"id":1}')]), /not a JSON array/);
  assertUsageOrIo(cli(["check", file("broken.json", "[{")]), /not valid JSON/);
});
test("--locale: the issues' messages in that language, in the summary and the report", () => {
  const record = JSON.stringify({ firstname: "A", email: "nope" });
  const report = join(dir, "locale-report.json");
  const german = cli(["check", "-", "--schema", "create", "--locale", "de-AT", "--report", report], { input: `${record}\n` });
  assert.equal(german.code, 1);
  const expected = CreateCustomerSchema.safeParse(JSON.parse(record), { locale: "de" });
  const message = expected.success ? "" : expected.error.issues[0].message;
  assert.notEqual(message, CreateCustomerSchema.safeParse(JSON.parse(record)).error?.issues[0].message);
  assert.ok(german.stdout.includes(message), german.stdout);
  assert.ok(readFileSync(report, "utf8").includes(JSON.stringify(message)), "the report's messages are German too");
  assertUsageOrIo(cli(["check", "-", "--locale", "en_US"], { input: `${record}\n` }), /--locale: locale must be/);
});

test("exit 2: usage errors", () => {
  assertUsageOrIo(cli([]), /missing command/);
  assertUsageOrIo(cli(["check"]), /missing FILE/);
  assertUsageOrIo(cli(["check", "x.txt"]), /--format/);
  assertUsageOrIo(cli(["check", "-", "--schema", "person"]), /--schema/);
  assertUsageOrIo(cli(["check", "-", "--unknown-keys", "loose"]), /--unknown-keys: unknownKeys must be/);
  // Each bad option is named by its own flag, whichever else is given.
  assertUsageOrIo(cli(["check", "-", "--default-region", "ZZ", "--unknown-keys", "strict"]), /--default-region: defaultRegion must be/);
  assertUsageOrIo(cli(["check", "-", "--default-region", "US", "--unknown-keys", "loose"]), /--unknown-keys: unknownKeys must be/);
  assertUsageOrIo(cli(["check", "-", "--jobs", "0"]), /--jobs/);
  assertUsageOrIo(cli(["check", "-", "--bogus"]), /bogus/);
  assertUsageOrIo(cli(["check", join(examples, "customers-sample.ndjson"), "--out", join(dir, "no/such/dir.ndjson")]), /cannot write/);
});
test("--help prints usage and exits 0", () => {
  const r = cli(["--help"]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^Usage: customer-schema check/);
});
