// The shared fixture cases (tests/fixtures/*.json), for tests that run them
// through other paths than safeParse (batches, JSON Schema).
import { readFileSync, readdirSync } from "node:fs";

const dir = new URL("../fixtures/", import.meta.url);

/** Every case: { file, name, schema, options?, input, expect }. */
export const fixtureCases = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .flatMap((file) => JSON.parse(readFileSync(new URL(file, dir), "utf8")).map((c) => ({ file, ...c })));

/** The cases grouped by schema and options: [{ schema, options, cases }]. */
export function casesBySchemaAndOptions() {
  const groups = new Map();
  for (const c of fixtureCases) {
    const key = JSON.stringify([c.schema, c.options ?? null]);
    if (!groups.has(key)) groups.set(key, { schema: c.schema, options: c.options, cases: [] });
    groups.get(key).cases.push(c);
  }
  return [...groups.values()];
}
