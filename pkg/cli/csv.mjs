// CSV to records, for `customer-schema check FILE.csv`.
//
// The header row names wire fields (`firstname`, `phone_number`, …) and
// `address.<field>` columns for the address. Parsing (quotes, commas and
// newlines inside quotes, CRLF, a byte order mark) is csv-parse's. This file
// only adapts shape: it builds the nested object the schema reads, and it
// never decides validity (the validator does):
// - an empty cell is an absent field (CSV cannot tell empty from absent);
// - a cell of a field whose JSON type is not a string (per the package's
//   input JSON Schema, generated from the Rust field table: tags, booleans,
//   timestamps, custom_fields) is read as JSON text (`true`,
//   `1709856000000`, `["vip","new"]`); a cell that is not JSON stays a
//   string, so the validator reports the wrong type;
// - a row with fewer cells than the header lacks the last fields; a row with
//   more cells, or a malformed header, is an error for the whole file.
import { parse } from "csv-parse";
import { Readable, pipeline } from "node:stream";
import { InputError } from "../node.mjs";

/** @typedef {import("../index.js").Schema<unknown>} Schema */

/**
 * Which wire fields (and address fields) are not strings in JSON.
 * @param {Schema} schema
 */
function nonStringFields(schema) {
  const input = schema.toJSONSchema({ io: "input" });
  /** @type {Set<string>} */
  const typed = new Set();
  /**
   * @param {Record<string, any>} properties  a JSON Schema's `properties`
   * @param {string} prefix
   */
  const visit = (properties, prefix) => {
    for (const [name, property] of Object.entries(properties)) {
      if (property.properties) visit(property.properties, `${prefix}${name}.`);
      const types = [property.type].flat();
      if (!types.includes("string")) typed.add(`${prefix}${name}`);
    }
  };
  visit(/** @type {Record<string, any>} */ (input.properties), "");
  return typed;
}

/**
 * Checks the header row; returns each column as [key] or ["address", key].
 * @param {string[]} cells
 */
function readHeader(cells) {
  /** @type {Set<string>} */
  const seen = new Set();
  return cells.map((raw, column) => {
    const name = raw.trim();
    if (name === "") throw new InputError(`malformed CSV header: column ${column + 1} has no name`, "CSV_HEADER");
    if (seen.has(name)) throw new InputError(`malformed CSV header: column "${name}" appears twice`, "CSV_HEADER");
    seen.add(name);
    const parts = name.split(".");
    if (parts.length > 2 || parts.some((p) => p === "") || (parts.length === 2 && parts[0] !== "address")) {
      throw new InputError(
        `malformed CSV header: column "${name}" (only address.<field> columns may have a dot)`,
        "CSV_HEADER",
      );
    }
    return parts;
  });
}

/**
 * @param {string} text
 * @param {boolean} jsonTyped
 */
function cellValue(text, jsonTyped) {
  if (!jsonTyped) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Records of a CSV text stream, each with the line its row starts on.
 * @param {AsyncIterable<string>} text  decoded text
 * @param {Schema} schema
 * @returns {AsyncGenerator<{ record: object, line: number }>}
 */
export async function* csvRecords(text, schema) {
  const typed = nonStringFields(schema);
  const parser = parse({ bom: true, info: true, skip_empty_lines: true, relax_column_count_less: true });
  // pipeline (not pipe) so an error of the source (bad encoding) reaches the parser's reader.
  pipeline(Readable.from(text), parser, () => {});
  /** @type {string[][] | null} */
  let columns = null;
  // info.lines is the line a row ends on, except that csv-parse counts a
  // CRLF inside quotes as two lines: `overcount` takes those back out.
  let overcount = 0;
  /**
   * @param {string[]} cells
   * @param {RegExp} re
   */
  const count = (cells, re) => cells.reduce((n, cell) => n + (cell.match(re)?.length ?? 0), 0);
  try {
    for await (const { record: cells, info } of /** @type {AsyncIterable<{ record: string[], info: import("csv-parse").Info }>} */ (parser)) {
      overcount += count(cells, /\r\n/g);
      const start = info.lines - overcount - count(cells, /\r\n|\n|\r/g);
      if (columns === null) {
        columns = readHeader(cells);
        if (columns.some((c) => c.length === 2) && columns.some((c) => c.length === 1 && c[0] === "address")) {
          throw new InputError('malformed CSV header: both an "address" column and address.<field> columns', "CSV_HEADER");
        }
        continue;
      }
      // Null-prototype objects: a "__proto__" column is an ordinary key.
      const record = Object.create(null);
      cells.forEach((cell, i) => {
        if (cell === "") return;
        const path = /** @type {string[][]} */ (columns)[i];
        const value = cellValue(cell, typed.has(path.join(".")));
        if (path.length === 1) record[path[0]] = value;
        else (record.address ??= Object.create(null))[path[1]] = value;
      });
      yield { record, line: start };
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (error && typeof error.code === "string" && error.code.startsWith("CSV_")) {
      throw new InputError(`malformed CSV: ${error.message}`, error.code);
    }
    throw error;
  }
}
