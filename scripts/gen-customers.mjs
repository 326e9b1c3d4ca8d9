#!/usr/bin/env node
// Generates realistic customer records (deterministic for a seed): many
// countries with local phone numbers, addresses, languages and time zones,
// mostly valid, some invalid in the ways real exports are (bad email, a
// phone number with text around it, an unknown country, updatedAt before
// createdAt, a missing id, a blank tag, …), and some that are valid only
// after normalisation (lower-case enums, country names, national numbers).
//
//   node scripts/gen-customers.mjs --count 300 --format ndjson --out examples/customers-sample.ndjson
//   node scripts/gen-customers.mjs --count 1000000 --out /tmp/customers-1m.ndjson
//
// Formats: ndjson (default), csv (header of wire names, address.<field> columns).
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { customerRecord, prng } from "./customer-record.mjs";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "300" },
    seed: { type: "string", default: "1" },
    format: { type: "string", default: "ndjson" },
    out: { type: "string" },
    "invalid-every": { type: "string", default: "9" },
  },
});

// Mulberry32: a small seeded PRNG, so the sample file is reproducible.
const random = prng(Number(values.seed));
/**
 * @template T
 * @param {T[]} list
 * @returns {T}
 */
const pick = (list) => list[Math.floor(random() * list.length)];

// Country: how its numbers are written locally (x = a random digit), a city,
// a state, a postal code pattern, a language, a time zone, and names.
const COUNTRIES = [
  { country: "US", alt: ["USA", "United States", "us"], phone: "(415) 555-xxxx", city: "San Francisco", state: "CA", postal: "941xx", lang: "en", tz: "America/Los_Angeles", first: ["James", "Mary", "Robert", "Linda"], last: ["Smith", "Johnson", "Brown"] },
  { country: "US", alt: ["US"], phone: "+1 212 555 xxxx", city: "New York", state: "NY", postal: "100xx", lang: "en", tz: "America/New_York", first: ["Michael", "Jennifer"], last: ["Miller", "Davis"] },
  { country: "CA", alt: ["Canada", "CAN"], phone: "+1 416 555 xxxx", city: "Toronto", state: "ON", postal: "M5V 2T6", lang: "en", tz: "America/Toronto", first: ["Liam", "Olivia"], last: ["Tremblay", "Roy"] },
  { country: "GB", alt: ["United Kingdom", "UK", "GBR"], phone: "020 7946 0xxx", city: "London", state: "London", postal: "SW1A 2AA", lang: "en", tz: "Europe/London", first: ["Oliver", "Amelia"], last: ["Taylor", "Wilson"] },
  { country: "DE", alt: ["Germany", "DEU"], phone: "030 1234xxxx", city: "Berlin", state: "Berlin", postal: "10115", lang: "de", tz: "Europe/Berlin", first: ["Lukas", "Anna", "Jürgen"], last: ["Müller", "Schmidt", "Schäfer"] },
  { country: "FR", alt: ["France", "FRA"], phone: "01 42 68 xx xx", city: "Paris", state: "Île-de-France", postal: "750xx", lang: "fr", tz: "Europe/Paris", first: ["Léa", "Hugo", "Chloé"], last: ["Martin", "Bernard", "Dubois"] },
  { country: "ES", alt: ["Spain", "ESP"], phone: "+34 91x xxx xxx", city: "Madrid", state: "Madrid", postal: "280xx", lang: "es", tz: "Europe/Madrid", first: ["Lucía", "Mateo"], last: ["García", "Fernández"] },
  { country: "IT", alt: ["Italy", "ITA"], phone: "+39 06 6982 xxxx", city: "Roma", state: "RM", postal: "001xx", lang: "it", tz: "Europe/Rome", first: ["Giulia", "Francesco"], last: ["Rossi", "Russo"] },
  { country: "NL", alt: ["Netherlands", "NLD"], phone: "+31 20 xxx xxxx", city: "Amsterdam", state: "NH", postal: "1012 AB", lang: "nl", tz: "Europe/Amsterdam", first: ["Daan", "Emma"], last: ["de Jong", "Jansen"] },
  { country: "SE", alt: ["Sweden", "SWE"], phone: "+46 8 xxx xxx xx", city: "Stockholm", state: "Stockholm", postal: "111 xx", lang: "sv", tz: "Europe/Stockholm", first: ["Elsa", "William"], last: ["Andersson", "Johansson"] },
  { country: "JP", alt: ["Japan", "JPN"], phone: "03-5xxx-xxxx", city: "Tokyo", state: "Tokyo", postal: "100-0001", lang: "ja", tz: "Asia/Tokyo", first: ["Haruto", "Yui"], last: ["Sato", "Suzuki"] },
  { country: "AU", alt: ["Australia", "AUS"], phone: "+61 2 9xxx xxxx", city: "Sydney", state: "NSW", postal: "2000", lang: "en", tz: "Australia/Sydney", first: ["Jack", "Charlotte"], last: ["Nguyen", "Williams"] },
  { country: "BR", alt: ["Brazil", "BRA"], phone: "+55 11 9xxxx-xxxx", city: "São Paulo", state: "SP", postal: "01310-100", lang: "pt", tz: "America/Sao_Paulo", first: ["João", "Maria"], last: ["Silva", "Santos"] },
  { country: "MX", alt: ["Mexico", "MEX"], phone: "+52 55 xxxx xxxx", city: "Ciudad de México", state: "CDMX", postal: "06600", lang: "es", tz: "America/Mexico_City", first: ["Sofía", "Santiago"], last: ["Hernández", "López"] },
  { country: "IN", alt: ["India", "IND"], phone: "+91 98xxx xxxxx", city: "Mumbai", state: "MH", postal: "400001", lang: "hi", tz: "Asia/Kolkata", first: ["Aarav", "Priya"], last: ["Sharma", "Patel"] },
  { country: "ZA", alt: ["South Africa", "ZAF"], phone: "+27 21 xxx xxxx", city: "Cape Town", state: "WC", postal: "8001", lang: "en", tz: "Africa/Johannesburg", first: ["Thabo", "Naledi"], last: ["Nkosi", "Dlamini"] },
  { country: "KE", alt: ["Kenya", "KEN"], phone: "+254 7xx xxxxxx", city: "Nairobi", state: "Nairobi", postal: "00100", lang: "sw", tz: "Africa/Nairobi", first: ["Wanjiru", "Otieno"], last: ["Kamau", "Odhiambo"] },
  { country: "PL", alt: ["Poland", "POL"], phone: "+48 22 xxx xx xx", city: "Warszawa", state: "MZ", postal: "00-0xx", lang: "pl", tz: "Europe/Warsaw", first: ["Zofia", "Jakub"], last: ["Kowalski", "Nowak"] },
  { country: "KR", alt: ["South Korea", "KOR"], phone: "+82 2 2xxx xxxx", city: "Seoul", state: "Seoul", postal: "04524", lang: "ko", tz: "Asia/Seoul", first: ["Minjun", "Seoyeon"], last: ["Kim", "Lee"] },
  { country: "IE", alt: ["Ireland", "IRL"], phone: "+353 1 xxx xxxx", city: "Dublin", state: "Dublin", postal: "D02 X285", lang: "ga", tz: "Europe/Dublin", first: ["Saoirse", "Conor"], last: ["Murphy", "Kelly"] },
];
/** @param {string} pattern */
const fill = (pattern) => pattern.replace(/x/g, () => String(Math.floor(random() * 10)));

// Ways a record goes wrong, each a small edit of a valid record.
/** @type {((r: any) => void)[]} */
const BREAKAGES = [
  (r) => { r.email = `${r.email.split("@")[0]}@@example`; },
  (r) => { r.phone_number = `call ${r.phone_number} after 5`; },
  (r) => { r.address.country = "Atlantis"; },
  (r) => { r.updatedAt = r.createdAt - 86_400_000; },
  (r) => { delete r.id; },
  (r) => { r.tags = ["vip", "  "]; },
  (r) => { r.timezone = "Mars/Olympus_Mons"; },
  (r) => { r.preferred_contact_method = "FAX"; },
  (r) => { r.address.postalCode = "1"; },
  (r) => { r.createdAt = String(r.createdAt); },
  (r) => { r.phone_number = "+1 415 555 2671 ext. 12"; },
  (r) => { r.firstname = "Ann\u0007e"; },
];

/** @param {number} i */
function customer(i) {
  const c = pick(COUNTRIES);
  const first = pick(c.first);
  const last = pick(c.last);
  const record = customerRecord(i, c, { random, first, last, phone: () => fill(c.phone) });
  if (i % Number(values["invalid-every"]) === 4) pick(BREAKAGES)(record);
  return record;
}

const CSV_COLUMNS = [
  "id", "customerId", "firstname", "lastname", "company", "email", "phone_number", "timezone",
  "preferred_language", "preferred_contact_method", "best_time_to_call", "tags", "isValidatedNames",
  "createdAt", "updatedAt", "address.street", "address.city", "address.state", "address.postalCode", "address.country",
];
/** @param {unknown} value */
const csvCell = (value) => {
  if (value === undefined || value === null) return "";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
/** @param {Record<string, any>} r */
const csvRow = (r) =>
  CSV_COLUMNS.map((column) => {
    const [head, tail] = column.split(".");
    return csvCell(tail ? r.address?.[head === "address" ? tail : ""] : r[head]);
  }).join(",");

const out = values.out ? createWriteStream(values.out) : process.stdout;
/** @param {string} text */
const write = async (text) => {
  if (!out.write(text)) await once(out, "drain");
};
const count = Number(values.count);
if (values.format === "csv") await write(`${CSV_COLUMNS.join(",")}\r\n`);
let buffer = "";
for (let i = 1; i <= count; i++) {
  const record = customer(i);
  buffer += values.format === "csv" ? `${csvRow(record)}\r\n` : `${JSON.stringify(record)}\n`;
  if (buffer.length > 1 << 16) {
    await write(buffer);
    buffer = "";
  }
}
await write(buffer);
if (out !== process.stdout) out.end();
