// Deterministic inputs for bench/compare.mjs: the same seed gives the same
// records and numbers on every machine, so two runs (or two engines) are
// measured on identical work.
//
// Records are scripts/customer-record.mjs's (as in scripts/gen-customers.mjs:
// a valid record per country, then a realistic breakage for some), over 36
// regions and with phone numbers written both nationally and internationally.
import { createRequire } from "node:module";
import { seedCustomer } from "../tests/node/seed.mjs";
import { customerRecord, prng } from "../scripts/customer-record.mjs";

const require = createRequire(import.meta.url);
const { getCountries, getExampleNumber } = require("libphonenumber-js/max");
const mobileExamples = require("libphonenumber-js/examples.mobile.json");

export { prng };

// Workload (a): the seed document's example customer (E.164 phone, no address).
export const oneRecord = () => seedCustomer();
// Workload (a'): a new customer as a form sends it: a national number read in
// the address's region, SMS preferred (so the line type is looked up too).
export const oneCreateRecord = () => ({
  firstname: " Jane ", lastname: "Doe", email: "Jane.Doe@Example.co.uk", phone_number: "07400 123456",
  preferred_contact_method: "sms", preferred_language: "en-GB", timezone: "Europe/London",
  address: { street: "10 Downing Street", city: "London", state: "London", postalCode: "SW1A 2AA", country: "United Kingdom" },
});

// One row per region: how numbers are written there (x = a random digit;
// national spellings first, then international ones), and plausible values
// for the other fields. Every pattern gave libphonenumber-js valid numbers
// for 300 random fillings each (checked when the table was written).
const REGIONS = [
  ["US", ["(415) 555-xxxx", "415.555.xxxx"], ["+1 212-555-xxxx"], "San Francisco", "CA", "941xx", "en", "America/Los_Angeles", ["USA", "United States"]],
  ["CA", ["(416) 555-xxxx"], ["+1 604 555 xxxx"], "Toronto", "ON", "M5V 2T6", "en", "America/Toronto", ["Canada", "CAN"]],
  ["GB", ["020 7946 0xxx", "07400 123xxx"], ["+44 20 7946 0xxx", "+44 7400 123xxx"], "London", "London", "SW1A 2AA", "en", "Europe/London", ["United Kingdom", "UK"]],
  ["DE", ["030 1234xxxx", "0151 2345xxxx"], ["+49 30 1234xxxx"], "Berlin", "Berlin", "10115", "de", "Europe/Berlin", ["Germany", "DEU"]],
  ["FR", ["01 42 68 xx xx", "06 12 34 xx xx"], ["+33 6 12 34 xx xx"], "Paris", "Île-de-France", "750xx", "fr", "Europe/Paris", ["France", "FRA"]],
  ["ES", ["91x xxx xxx"], ["+34 612 xxx xxx"], "Madrid", "Madrid", "280xx", "es", "Europe/Madrid", ["Spain", "ESP"]],
  ["IT", ["06 6982 xxxx"], ["+39 312 xxx xxxx"], "Roma", "RM", "001xx", "it", "Europe/Rome", ["Italy", "ITA"]],
  ["NL", ["020 xxx xxxx"], ["+31 6 12xx xxxx"], "Amsterdam", "NH", "1012 AB", "nl", "Europe/Amsterdam", ["Netherlands", "NLD"]],
  ["SE", ["08-xxx xxx xx"], ["+46 70 xxx xx xx"], "Stockholm", "Stockholm", "111 xx", "sv", "Europe/Stockholm", ["Sweden", "SWE"]],
  ["JP", ["03-5xxx-xxxx", "090-1xxx-xxxx"], ["+81 90-1xxx-xxxx"], "Tokyo", "Tokyo", "100-0001", "ja", "Asia/Tokyo", ["Japan", "JPN"]],
  ["AU", ["(02) 9xxx xxxx", "0412 xxx xxx"], ["+61 412 xxx xxx"], "Sydney", "NSW", "2000", "en", "Australia/Sydney", ["Australia", "AUS"]],
  ["BR", ["(11) 9xxxx-xxxx"], ["+55 21 2xxx-xxxx"], "São Paulo", "SP", "01310-100", "pt", "America/Sao_Paulo", ["Brazil", "BRA"]],
  ["MX", ["55 xxxx xxxx"], ["+52 55 xxxx xxxx"], "Ciudad de México", "CDMX", "06600", "es", "America/Mexico_City", ["Mexico", "MEX"]],
  ["IN", ["098xxx xxxxx", "022 2xxx xxxx"], ["+91 98xxx xxxxx"], "Mumbai", "MH", "400001", "hi", "Asia/Kolkata", ["India", "IND"]],
  ["ZA", ["021 xxx xxxx"], ["+27 82 xxx xxxx"], "Cape Town", "WC", "8001", "en", "Africa/Johannesburg", ["South Africa", "ZAF"]],
  ["KE", ["0712 xxxxxx"], ["+254 712 xxxxxx"], "Nairobi", "Nairobi", "00100", "sw", "Africa/Nairobi", ["Kenya", "KEN"]],
  ["PL", ["22 xxx xx xx"], ["+48 512 xxx xxx"], "Warszawa", "MZ", "00-0xx", "pl", "Europe/Warsaw", ["Poland", "POL"]],
  ["KR", ["02-2xxx-xxxx", "010-2xxx-xxxx"], ["+82 10-2xxx-xxxx"], "Seoul", "Seoul", "04524", "ko", "Asia/Seoul", ["South Korea", "KOR"]],
  ["IE", ["01 xxx xxxx"], ["+353 85 xxx xxxx"], "Dublin", "Dublin", "D02 X285", "ga", "Europe/Dublin", ["Ireland", "IRL"]],
  ["CH", ["044 xxx xx xx"], ["+41 79 xxx xx xx"], "Zürich", "ZH", "80xx", "de", "Europe/Zurich", ["Switzerland", "CHE"]],
  ["AT", ["01 5xxxxxx"], ["+43 664 xxxxxxx"], "Wien", "Wien", "10xx", "de", "Europe/Vienna", ["Austria", "AUT"]],
  ["BE", ["02 2xx xx xx"], ["+32 470 xx xx xx"], "Bruxelles", "BRU", "1000", "fr", "Europe/Brussels", ["Belgium", "BEL"]],
  ["PT", ["21 xxx xxxx"], ["+351 91x xxx xxx"], "Lisboa", "Lisboa", "1100-0xx", "pt", "Europe/Lisbon", ["Portugal", "PRT"]],
  ["NO", ["22 xx xx xx"], ["+47 41x xx xxx"], "Oslo", "Oslo", "01xx", "no", "Europe/Oslo", ["Norway", "NOR"]],
  ["DK", ["32 1x xx xx"], ["+45 20 1x xx xx"], "København", "Hovedstaden", "1xxx", "da", "Europe/Copenhagen", ["Denmark", "DNK"]],
  ["FI", ["09 4xx xxxx"], ["+358 40 xxx xxxx"], "Helsinki", "Uusimaa", "00100", "fi", "Europe/Helsinki", ["Finland", "FIN"]],
  ["AR", ["011 4xxx-xxxx"], ["+54 9 11 4xxx-xxxx"], "Buenos Aires", "CABA", "C1002", "es", "America/Argentina/Buenos_Aires", ["Argentina", "ARG"]],
  ["CO", ["601 2xx xxxx"], ["+57 310 xxx xxxx"], "Bogotá", "DC", "110111", "es", "America/Bogota", ["Colombia", "COL"]],
  ["CL", ["2 2xxx xxxx"], ["+56 9 8xxx xxxx"], "Santiago", "RM", "83200xx", "es", "America/Santiago", ["Chile", "CHL"]],
  ["NG", ["0803 xxx xxxx"], ["+234 803 xxx xxxx"], "Lagos", "LA", "1000xx", "en", "Africa/Lagos", ["Nigeria", "NGA"]],
  ["EG", ["02 2xxx xxxx"], ["+20 10 xxxx xxxx"], "Cairo", "Cairo", "11511", "ar", "Africa/Cairo", ["Egypt", "EGY"]],
  ["SG", ["63xx xxxx"], ["+65 91xx xxxx"], "Singapore", "SG", "01xxxx", "en", "Asia/Singapore", ["Singapore", "SGP"]],
  ["CN", ["010 6xxx xxxx"], ["+86 138 xxxx xxxx"], "Beijing", "Beijing Shi", "100000", "zh", "Asia/Shanghai", ["China", "CHN"]],
  ["TR", ["0212 xxx xx xx"], ["+90 532 xxx xx xx"], "İstanbul", "İstanbul", "34xxx", "tr", "Europe/Istanbul", ["Turkey", "TUR"]],
  ["NZ", ["09-3xx xxxx"], ["+64 21 xxx xxxx"], "Auckland", "AUK", "10xx", "en", "Pacific/Auckland", ["New Zealand", "NZL"]],
  ["PH", ["02 8xxx xxxx"], ["+63 917 xxx xxxx"], "Manila", "NCR", "10xx", "tl", "Asia/Manila", ["Philippines", "PHL"]],
].map(([country, national, international, city, state, postal, lang, tz, alt]) => ({
  country, national, international, city, state, postal, lang, tz, alt,
}));
export const REGION_COUNT = REGIONS.length;

const FIRST = ["James", "Mary", "Lukas", "Léa", "Haruto", "Priya", "João", "Zofia", "Thabo", "Saoirse", "Minjun", "Sofía", "Ahmed", "Mei", "Olumide"];
const LAST = ["Smith", "Müller", "Dubois", "Sato", "Sharma", "Silva", "Kowalski", "Nkosi", "Murphy", "Kim", "García", "Hassan", "Wang", "Okafor"];

// Ways a real export goes wrong, each a small edit of a valid record. Phone
// numbers break most often (half the breakages), as in real customer data.
const PHONE_BREAKAGES = [
  (r) => { r.phone_number = r.phone_number.replace(/\d(?=\D*$)/, ""); },       // a digit lost
  (r) => { r.phone_number = `${r.phone_number}7`; },                             // a digit too many
  (r) => { r.phone_number = `${r.phone_number} ext. 12`; },                      // an extension
  (r) => { r.phone_number = `call ${r.phone_number} after 5`; },                 // text around it
  (r) => { r.phone_number = "+999 555 0100"; },                                  // no such country code
  (r) => { r.phone_number = r.phone_number.replace(/\d/g, (d, at) => (at < 4 ? d : "0")); }, // zeros typed in
];
const OTHER_BREAKAGES = [
  (r) => { r.email = `${r.email.split("@")[0]}@@example`; },
  (r) => { r.address.country = "Atlantis"; },
  (r) => { r.updatedAt = r.createdAt - 86_400_000; },
  (r) => { delete r.id; },
  (r) => { r.tags = ["vip", "  "]; },
  (r) => { r.timezone = "Mars/Olympus_Mons"; },
  (r) => { r.preferred_contact_method = "FAX"; },
  (r) => { r.address.postalCode = "1"; },
  (r) => { r.createdAt = String(r.createdAt); },
  (r) => { r.firstname = "Ann\u0007e"; },
];

function makeRecords(count, seed, brokenShare) {
  const random = prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const fill = (pattern) => pattern.replace(/x/g, () => String(Math.floor(random() * 10)));
  const records = [];
  for (let i = 1; i <= count; i++) {
    const c = pick(REGIONS);
    const first = pick(FIRST);
    const last = pick(LAST);
    const record = customerRecord(i, c, {
      random,
      first,
      last,
      phone: () => fill(pick(random() < 0.5 ? c.national : c.international)),
    });
    if (random() < brokenShare) pick(random() < 0.5 ? PHONE_BREAKAGES : OTHER_BREAKAGES)(record);
    records.push(record);
  }
  return records;
}

// About one record in five invalid: 24% are broken, and some breakages still
// leave a valid record (a digit too many can make another real number).
const BROKEN_SHARE = 0.24;
// Workload (b): 1,000 records.
export const mixedRecords = () => makeRecords(1_000, 1, BROKEN_SHARE);
// Workload (c): 10,000 records in one batch, same mix, another seed.
export const batchRecords = () => makeRecords(10_000, 2, BROKEN_SHARE);

// Phone-alone workload: { text, region } pairs. For every region libphonenumber
// knows, its example mobile number written internationally, nationally and
// with the last digit changed (usually still valid); the fixed-line spellings
// of REGIONS; and invalid numbers (a digit lost, a digit too many, an
// extension, letters). Order is shuffled so no engine sees one region in a row.
// Ascension (AC) and Tristan da Cunha (TA) are left out: they have no ISO
// 3166-1 code, so ours refuses them as defaultRegion (it throws: the option
// is the programmer's).
export function phoneList() {
  const random = prng(3);
  const fill = (pattern) => pattern.replace(/x/g, () => String(Math.floor(random() * 10)));
  const list = [];
  for (const region of getCountries()) {
    const example = getExampleNumber(region, mobileExamples);
    if (!example || region === "AC" || region === "TA") continue;
    const national = example.formatNational();
    list.push(
      { text: example.formatInternational(), region },
      { text: national, region },
      { text: national.replace(/\d(?=\D*$)/, (d) => String((Number(d) + 1) % 10)), region },
      { text: national.replace(/\d(?=\D*$)/, ""), region },
      { text: `${example.number}5`, region },
    );
  }
  for (const c of REGIONS) {
    for (const pattern of [...c.national, ...c.international]) list.push({ text: fill(pattern), region: c.country });
    list.push({ text: `${fill(c.national[0])} x12`, region: c.country }, { text: "1-800-FLOWERS", region: c.country });
  }
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

// The example mobile number of every region libphonenumber-js knows, in
// national spelling, for the WebAssembly memory probe.
export function everyRegionExample() {
  return getCountries()
    .map((region) => ({ region, example: getExampleNumber(region, mobileExamples) }))
    .filter(({ example }) => example)
    .map(({ region, example }) => ({ region, national: example.formatNational(), e164: example.number }));
}
