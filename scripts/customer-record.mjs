// One generated customer record, shared by scripts/gen-customers.mjs (the
// sample files and the 1,000,000-record benchmark) and bench/data.mjs (the
// peer benchmark), so both describe customers the same way.

// Mulberry32: a small seeded PRNG, so generated data is reproducible.
/** @param {number} seed */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const METHODS = ["EMAIL", "PHONE", "SMS", "email", "Sms"];
const TIMES = ["MORNING", "AFTERNOON", "EVENING", "evening"];
const TAGS = ["vip", "repeat-customer", "newsletter", "wholesale", "b2b", "churn-risk"];
const STREETS = ["Market St", "Hauptstraße", "Rue de Rivoli", "Gran Vía", "Main Road", "King St", "Ringstraße"];

/**
 * Customer number `i` of country `c` ({ country, alt, city, state, postal,
 * lang, tz }), named `first` `last`. `random` is the generator; `phone()`
 * writes the number (called in its place, so the sequence of random draws,
 * and with it every generated file, stays the same). `x` in a pattern is a
 * random digit.
 * @param {number} i
 * @param {{ country: string, alt: string[], city: string, state: string, postal: string, lang: string, tz: string }} c
 * @param {{ random: () => number, first: string, last: string, phone: () => string }} how
 */
export function customerRecord(i, c, { random, first, last, phone }) {
  /**
   * @template T
   * @param {T[]} list
   * @returns {T}
   */
  const pick = (list) => list[Math.floor(random() * list.length)];
  /** @param {string} pattern */
  const fill = (pattern) => pattern.replace(/x/g, () => String(Math.floor(random() * 10)));
  const created = 1_600_000_000_000 + Math.floor(random() * 100_000_000_000);
  const local = `${first}.${last}`.toLowerCase().normalize("NFD").replace(/[^a-z.]/g, "");
  return {
    id: `cust_${String(i).padStart(7, "0")}`,
    customerId: random() < 0.5 ? `crm-${fill("xxxxxx")}` : null,
    phone_number: phone(),
    firstname: random() < 0.1 ? `  ${first} ` : first,
    lastname: last,
    company: random() < 0.3 ? `${last} ${pick(["GmbH", "Ltd", "SARL", "Inc.", "S.A."])}` : undefined,
    timezone: random() < 0.1 ? c.tz.toLowerCase() : c.tz,
    email: `${local}${i}@${pick(["example.com", "Example.ORG", "mail.example.net"])}`,
    preferred_language: random() < 0.2 ? `${c.lang}-${c.country}` : c.lang,
    preferred_contact_method: pick(METHODS),
    best_time_to_call: random() < 0.5 ? pick(TIMES) : undefined,
    tags: random() < 0.6 ? [pick(TAGS), pick(TAGS)] : undefined,
    isValidatedNames: random() < 0.5,
    address: {
      street: `${1 + Math.floor(random() * 200)} ${pick(STREETS)}`,
      city: c.city,
      state: c.state,
      postalCode: fill(c.postal),
      country: random() < 0.3 ? pick(c.alt) : c.country,
    },
    createdAt: created,
    updatedAt: created + Math.floor(random() * 1_000_000_000),
  };
}
