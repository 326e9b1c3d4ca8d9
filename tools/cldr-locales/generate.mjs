// @ts-check
/**
 * @file Generates the localisation data the library's messages need from
 * CLDR, the Unicode Common Locale Data Repository, as the Unicode Consortium
 * publishes it on npm (`cldr-json`):
 *
 * | output                      | what                                          | source |
 * |-----------------------------|-----------------------------------------------|--------|
 * | `src/messages/plural.rs`    | cardinal plural rules, non-negative integers  | `cldr-core`: `supplemental/plurals.json` |
 * | `locales/cldr/<tag>.json`   | country and language display names            | `cldr-localenames-full`: `main/<tag>/territories.json`, `languages.json`; `cldr-core`: `supplemental/parentLocales.json`, `aliases.json` |
 *
 * for the locales in {@link LOCALES}, the countries of `src/tables/countries.rs`
 * (`COUNTRIES`, Kosovo's `XK` included) and the languages of
 * `src/tables/languages.rs` (`LANGUAGES`, ISO 639-1), read out of those
 * generated files.
 *
 * Usage, from the repository's root (or `npm run cldr-locales -- …`):
 *
 *     node tools/cldr-locales/generate.mjs          # write the files
 *     node tools/cldr-locales/generate.mjs --check  # fail, naming the stale file, if a committed one differs
 *
 * Why: as every table of this repository, the data comes from its source, a
 * registry package pinned by version and by its registry integrity (the
 * SHA-512 of the tarball, {@link PINS}), by a tool in the repository, and
 * the output is committed: the crate and the package ship no CLDR and read
 * no JSON at run time, an update is one command and one reviewed diff, and
 * `--check` (run by `scripts/test.sh`) keeps the committed files what the
 * pins give. The plural rules are translated from CLDR's rule syntax into
 * Rust by the small translator below (not written by hand), and checked here
 * against CLDR's own `@integer` samples.
 *
 * The oracle: ICU, an independent implementation of the same CLDR data, as
 * Node.js exposes it (`Intl.PluralRules`, `Intl.DisplayNames`; Node 20's ICU
 * carries CLDR 48). `tests/plural_differential.rs` holds the generated rules
 * to `Intl.PluralRules`, `tests/node/cldr-names.test.mjs` the names to
 * `Intl.DisplayNames`, each listing any deliberate difference.
 *
 * Inputs: `npm pack <name>@<version>` downloads each tarball (nothing is
 * installed) into `.tools/cldr/` (git-ignored), once: a cached tarball is
 * used when its SHA-512 is the pinned one. The bytes are always checked
 * against the pin before anything is read from them; a mismatch is an error.
 * Only the members needed are extracted, with `tar`, into a scratch folder.
 *
 * Bumping CLDR: set the versions and integrities in {@link PINS} (`npm view
 * cldr-core@<version> dist.integrity`, the same for `cldr-localenames-full`),
 * run the generator, review the diff, then `cargo test --test
 * plural_differential` and `node --test tests/node/cldr-names.test.mjs`
 * (with a Node.js whose ICU has that CLDR: `node -p process.versions.cldr`).
 *
 * Licence: CLDR's data is under the Unicode License v3 (the packages'
 * `LICENSE`).
 */

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** @typedef {{ name: string, version: string, integrity: string }} Pin */

/** The pinned packages: exact version and the registry's `dist.integrity`. */
const PINS = {
  core: {
    name: "cldr-core",
    version: "48.0.0",
    integrity: "sha512-iQnK68eOjEsHEOwCvi2CI7xbjcVlCdaSNTQrkwCgEMnyZUbHCgF0GPw2CXi0D2IGz+9Pj80cmcWzRFcF6zdrYQ==",
  },
  localenames: {
    name: "cldr-localenames-full",
    version: "48.0.0",
    integrity: "sha512-H6ZG0+1rjwsg7gqFeIAa2TTab9fWA7/b7U0ovxA2YJSI5tGumyM5sVchY5f/q0kn/9AtseGKwrTb9UDC4xmghw==",
  },
};

/**
 * The locales the messages ship in. CLDR's `pt` is Brazilian Portuguese and
 * `ar` Modern Standard Arabic, as the messages want.
 */
const LOCALES = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "ja", "ar"];

/** The last resort of a name's fallback chain, after CLDR's `root`. */
const LAST_RESORT = "en";

const TOOL = "tools/cldr-locales";
const COMMAND = "node tools/cldr-locales/generate.mjs";
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CACHE = join(ROOT, ".tools", "cldr");

// ---------------------------------------------------------------------------
// The pinned tarballs

/**
 * A pin's integrity string (`sha512-<base64>`) for some bytes.
 * @param {Buffer} bytes
 * @returns {string}
 */
function integrityOf(bytes) {
  return `sha512-${createHash("sha512").update(bytes).digest("base64")}`;
}

/**
 * The path of a pinned tarball in `.tools/cldr/`, downloaded with `npm pack`
 * unless a copy with the pinned SHA-512 is there; its bytes are checked.
 * @param {Pin} pin
 * @returns {string}
 */
function fetchTarball(pin) {
  const path = join(CACHE, `${pin.name}-${pin.version}.tgz`);
  if (existsSync(path)) {
    if (integrityOf(readFileSync(path)) === pin.integrity) {
      return path;
    }
    console.error(`warning: ${path} is not the pinned ${pin.name}@${pin.version}; downloading it again`);
    rmSync(path);
  }
  mkdirSync(CACHE, { recursive: true });
  console.error(`downloading ${pin.name}@${pin.version} into ${CACHE}`);
  const out = execFileSync("npm", ["pack", `${pin.name}@${pin.version}`, "--pack-destination", CACHE, "--json"], {
    cwd: CACHE,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  /** @type {{ filename: string }[]} */
  const packed = JSON.parse(out);
  const file = packed[0]?.filename;
  if (file !== undefined && join(CACHE, file) !== path) {
    throw new Error(`npm pack wrote ${join(CACHE, file)}, not ${path}`);
  }
  if (!existsSync(path)) {
    throw new Error(`npm pack did not produce ${path}`);
  }
  const actual = integrityOf(readFileSync(path));
  if (actual !== pin.integrity) {
    throw new Error(
      `${path}: integrity ${actual} is not the pinned ${pin.integrity} of ${pin.name}@${pin.version}; ` +
        "the registry served other bytes (the file is left there for inspection; delete it to retry)",
    );
  }
  return path;
}

/**
 * The members of a tarball that exist among `wanted`, extracted with `tar`
 * into a scratch folder and parsed as JSON, by member name.
 * @param {string} tarball
 * @param {string[]} wanted member paths, e.g. `package/supplemental/plurals.json`
 * @returns {Map<string, any>}
 */
function readMembers(tarball, wanted) {
  const listed = new Set(execFileSync("tar", ["-tzf", tarball], { encoding: "utf8", maxBuffer: 64 << 20 }).split("\n"));
  const present = wanted.filter((member) => listed.has(member));
  const scratch = mkdtempSync(join(tmpdir(), "cldr-locales-"));
  try {
    if (present.length > 0) {
      execFileSync("tar", ["-xzf", tarball, "-C", scratch, ...present], { stdio: ["ignore", "inherit", "inherit"] });
    }
    return new Map(present.map((member) => [member, JSON.parse(readFileSync(join(scratch, member), "utf8"))]));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * A required member of `members`.
 * @param {Map<string, any>} members
 * @param {string} member
 * @returns {any}
 */
function required(members, member) {
  if (!members.has(member)) {
    throw new Error(`the pinned package has no ${member}`);
  }
  return members.get(member);
}

// ---------------------------------------------------------------------------
// The codes, from the generated ISO tables

/**
 * The first string of every tuple of a `static NAME: &[(…)] = &[ … ];` array
 * in a generated Rust file, checked against `shape`.
 * @param {string} file path from the repository's root
 * @param {string} name the static's name
 * @param {RegExp} shape what every code must look like
 * @returns {string[]}
 */
function codesOf(file, name, shape) {
  const text = readFileSync(join(ROOT, file), "utf8");
  const array = new RegExp(`static ${name}: &\\[[^\\]]*\\] = &\\[([\\s\\S]*?)\\n\\];`).exec(text);
  if (array === null) {
    throw new Error(`${file}: no \`static ${name}\` array`);
  }
  const codes = [...(array[1] ?? "").matchAll(/^\s*\(\s*"([^"]*)",/gm)].map((match) => match[1] ?? "");
  const bad = codes.find((code) => !shape.test(code));
  if (codes.length === 0 || bad !== undefined) {
    throw new Error(`${file}: ${name}: ${codes.length === 0 ? "no codes" : `unexpected code ${JSON.stringify(bad)}`}`);
  }
  if (new Set(codes).size !== codes.length) {
    throw new Error(`${file}: ${name}: a code is listed twice`);
  }
  return codes.sort();
}

// ---------------------------------------------------------------------------
// Plural rules: CLDR's rule syntax, parsed, evaluated for integers, and
// written as Rust
//
//   condition     = and_condition ('or' and_condition)*
//   and_condition = relation ('and' relation)*
//   relation      = operand ('%' value)? ('=' | '!=') range_list
//   range_list    = (value | value'..'value) (',' (value | value'..'value))*
//   operand       = 'n' | 'i' | 'v' | 'w' | 'f' | 't' | 'c' | 'e'
//
// (UTS #35, Language Plural Rules; the older `is`/`in`/`within` forms are not
// in CLDR's JSON and are refused.) For a non-negative integer, n = i = the
// integer and v = w = f = t = c = e = 0: relations on the latter are decided
// here, and the Rust code only tests the integer.

/** @typedef {"zero" | "one" | "two" | "few" | "many" | "other"} Category */
/** @typedef {{ operand: string, modulus: number | null, negated: boolean, ranges: [number, number][] }} Relation */
/** @typedef {Relation[][]} Condition an `or` of `and`s of relations */
/** @typedef {true | false | { or: { and: Relation[] }[] }} Folded a condition for integers */

/** @type {Category[]} */
const CATEGORIES = ["zero", "one", "two", "few", "many", "other"];

/** The operands that are the integer itself; every other one is 0. */
const INTEGER_OPERANDS = new Set(["n", "i"]);
const ZERO_OPERANDS = new Set(["v", "w", "f", "t", "c", "e"]);

/**
 * Parses a rule's condition (the text before its samples).
 * @param {string} text
 * @param {string} where names the rule in errors
 * @returns {Condition} empty for no condition (`other`)
 */
function parseCondition(text, where) {
  const tokens = text.match(/\d+|\.\.|!=|[=%,]|[a-z]+|\S/g) ?? [];
  let at = 0;
  const fail = (/** @type {string} */ what) =>
    new Error(`${where}: ${what} at token ${at + 1} (${JSON.stringify(tokens[at] ?? "end")}) of ${JSON.stringify(text)}`);
  const peek = () => tokens[at];
  const next = () => {
    const token = tokens[at];
    if (token === undefined) {
      throw fail("unexpected end");
    }
    at += 1;
    return token;
  };
  const value = () => {
    const token = next();
    if (!/^\d+$/.test(token) || !Number.isSafeInteger(Number(token))) {
      at -= 1;
      throw fail("expected a whole number");
    }
    return Number(token);
  };
  /** @returns {Relation} */
  const relation = () => {
    const operand = next();
    if (!INTEGER_OPERANDS.has(operand) && !ZERO_OPERANDS.has(operand)) {
      at -= 1;
      throw fail("expected an operand");
    }
    let modulus = null;
    if (peek() === "%") {
      next();
      modulus = value();
      if (modulus === 0) {
        throw fail("modulus 0");
      }
    }
    const operator = next();
    if (operator !== "=" && operator !== "!=") {
      at -= 1;
      throw fail("expected = or !=");
    }
    /** @type {[number, number][]} */
    const ranges = [];
    for (;;) {
      const low = value();
      let high = low;
      if (peek() === "..") {
        next();
        high = value();
        if (high < low) {
          throw fail("empty range");
        }
      }
      ranges.push([low, high]);
      if (peek() !== ",") {
        break;
      }
      next();
    }
    return { operand, modulus, negated: operator === "!=", ranges };
  };
  /** @type {Condition} */
  const condition = [];
  if (tokens.length === 0) {
    return condition;
  }
  for (;;) {
    const and = [relation()];
    while (peek() === "and") {
      next();
      and.push(relation());
    }
    condition.push(and);
    if (peek() !== "or") {
      break;
    }
    next();
  }
  if (at !== tokens.length) {
    throw fail("expected and, or or the end");
  }
  return condition;
}

/**
 * Whether a relation holds for an operand's value.
 * @param {Relation} relation
 * @param {number} operand
 * @returns {boolean}
 */
function holds(relation, operand) {
  const x = relation.modulus === null ? operand : operand % relation.modulus;
  return relation.ranges.some(([low, high]) => low <= x && x <= high) !== relation.negated;
}

/**
 * A condition for non-negative integers: relations on the operands that are
 * 0 decided, `and`s and `or`s simplified; `true` or `false` if nothing is
 * left to test.
 * @param {Condition} condition
 * @returns {Folded}
 */
function fold(condition) {
  if (condition.length === 0) {
    return true;
  }
  /** @type {{ and: Relation[] }[]} */
  const or = [];
  for (const and of condition) {
    /** @type {Relation[]} */
    const kept = [];
    let possible = true;
    for (const relation of and) {
      if (INTEGER_OPERANDS.has(relation.operand)) {
        kept.push(relation);
      } else if (!holds(relation, 0)) {
        possible = false;
      }
    }
    if (!possible) {
      continue;
    }
    if (kept.length === 0) {
      return true;
    }
    or.push({ and: kept });
  }
  return or.length === 0 ? false : { or };
}

/**
 * Evaluates a folded condition for an integer (the samples' check).
 * @param {Folded} folded
 * @param {number} n
 * @returns {boolean}
 */
function evaluate(folded, n) {
  if (typeof folded === "boolean") {
    return folded;
  }
  return folded.or.some(({ and }) => and.every((relation) => holds(relation, n)));
}

/**
 * A folded condition as a Rust boolean expression over `n: u64`.
 * @param {{ or: { and: Relation[] }[] }} folded
 * @returns {string}
 */
function toRust(folded) {
  const relation = (/** @type {Relation} */ r) => {
    const operand = r.modulus === null ? "n" : `n % ${r.modulus}`;
    const [only, ...more] = r.ranges;
    if (only !== undefined && more.length === 0 && only[0] === only[1]) {
      return `${operand} ${r.negated ? "!=" : "=="} ${only[0]}`;
    }
    const pattern = r.ranges.map(([low, high]) => (low === high ? `${low}` : `${low}..=${high}`)).join(" | ");
    return `${r.negated ? "!" : ""}matches!(${operand}, ${pattern})`;
  };
  const ands = folded.or.map(({ and }) => and.map(relation).join(" && "));
  return ands.length === 1 ? (ands[0] ?? "") : ands.map((and) => (and.includes("&&") ? `(${and})` : and)).join(" || ");
}

/**
 * The integers of a rule's `@integer` samples: `a~b` ranges expanded, the
 * ellipsis and compact-exponent samples (`1c6`, whose e is not 0) left out.
 * @param {string} samples the text after `@integer`, up to `@decimal`
 * @returns {number[]}
 */
function integerSamples(samples) {
  /** @type {number[]} */
  const out = [];
  for (const item of samples.split(",").map((s) => s.trim())) {
    const range = /^(\d+)(?:~(\d+))?$/.exec(item);
    if (range === null) {
      if (item !== "…" && !/^\d+c\d+$/.test(item)) {
        throw new Error(`unexpected @integer sample ${JSON.stringify(item)}`);
      }
      continue;
    }
    const low = Number(range[1]);
    const high = Number(range[2] ?? range[1]);
    for (let n = low; n <= high; n += 1) {
      out.push(n);
    }
  }
  return out;
}

/**
 * @typedef {object} LocaleRules
 * @property {string} language
 * @property {{ category: Category, source: string, folded: Folded }[]} rules in CLDR's order
 * @property {Category[]} categories those with `@integer` samples, and `other`, in {@link CATEGORIES} order
 */

/**
 * One language's cardinal rules, parsed, folded for integers and checked
 * against CLDR's `@integer` samples.
 * @param {string} language
 * @param {Record<string, string>} cldr `pluralRule-count-<category>` → rule text
 * @returns {LocaleRules}
 */
function localeRules(language, cldr) {
  /** @type {LocaleRules["rules"]} */
  const rules = [];
  /** @type {Set<Category>} */
  const sampled = new Set(["other"]);
  /** @type {[Category, number[]][]} */
  const samples = [];
  for (const [key, text] of Object.entries(cldr)) {
    const category = /** @type {Category} */ (key.replace(/^pluralRule-count-/, ""));
    if (!key.startsWith("pluralRule-count-") || !CATEGORIES.includes(category)) {
      throw new Error(`plurals.json: ${language}: unexpected key ${key}`);
    }
    const [source = "", ...sections] = text.split("@");
    const where = `plurals.json: ${language} ${category}`;
    const condition = parseCondition(source, where);
    if (category === "other" && condition.length > 0) {
      throw new Error(`${where}: other has a condition`);
    }
    rules.push({ category, source: source.trim(), folded: fold(condition) });
    for (const section of sections) {
      if (section.startsWith("integer")) {
        const integers = integerSamples(section.slice("integer".length));
        if (integers.length > 0) {
          sampled.add(category);
        }
        samples.push([category, integers]);
      } else if (!section.startsWith("decimal")) {
        throw new Error(`${where}: unexpected samples @${section}`);
      }
    }
  }
  const found = rules.map((r) => r.category);
  if (found.at(-1) !== "other" || found.some((c, i) => i > 0 && CATEGORIES.indexOf(c) <= CATEGORIES.indexOf(found[i - 1] ?? "zero"))) {
    throw new Error(`plurals.json: ${language}: categories ${found.join(", ")} are not in CLDR's order, ending with other`);
  }
  const select = (/** @type {number} */ n) => rules.find((r) => evaluate(r.folded, n))?.category ?? "other";
  for (const [category, integers] of samples) {
    for (const n of integers) {
      if (select(n) !== category) {
        throw new Error(`plurals.json: ${language}: the translated rules select ${select(n)} for ${n}, a sample of ${category}`);
      }
    }
  }
  return { language, rules, categories: CATEGORIES.filter((c) => sampled.has(c)) };
}

/**
 * A Rust identifier for a category or a language.
 * @param {string} name
 * @returns {string}
 */
function pascal(name) {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * `src/messages/plural.rs`, before rustfmt.
 * @param {LocaleRules[]} locales
 * @param {string} cldrVersion
 * @returns {string}
 */
function pluralRust(locales, cldrVersion) {
  const { core } = PINS;
  // Languages whose integer rules come out the same share one function.
  /** @type {Map<string, { languages: LocaleRules[], body: string, categories: Category[] }>} */
  const groups = new Map();
  for (const locale of locales) {
    /** @type {string[]} */
    const branches = [];
    let last = "PluralCategory::Other";
    for (const { category, folded } of locale.rules) {
      if (folded === false || category === "other") {
        continue;
      }
      if (folded === true) {
        last = `PluralCategory::${pascal(category)}`;
        break;
      }
      branches.push(`if ${toRust(folded)} { PluralCategory::${pascal(category)} }`);
    }
    const body = branches.length === 0 ? last : `${branches.join(" else ")} else { ${last} }`;
    const key = `${body}\n${locale.categories.join(",")}`;
    const group = groups.get(key) ?? { languages: [], body, categories: locale.categories };
    group.languages.push(locale);
    groups.set(key, group);
  }
  const sorted = [...locales].sort((a, b) => a.language.localeCompare(b.language));
  const fnName = (/** @type {LocaleRules[]} */ languages) => languages.map((l) => l.language).sort().join("_");
  const variants = (/** @type {LocaleRules[]} */ languages) =>
    languages
      .map((l) => `Language::${pascal(l.language)}`)
      .sort()
      .join(" | ");
  const categoryList = (/** @type {Category[]} */ categories) => categories.map((c) => `PluralCategory::${pascal(c)}`).join(", ");
  const lines = [
    `// @generated by ${TOOL} (\`${COMMAND}\`). Do not edit by hand.`,
    `// Source: CLDR ${cldrVersion} supplemental/plurals.json (cardinal), from npm ${core.name} ${core.version}`,
    `// (${core.name}-${core.version}.tgz, ${core.integrity}).`,
    "",
    "//! CLDR's cardinal plural rules for the languages the messages ship in,",
    "//! for non-negative integers: the operands are n = i = the integer and",
    "//! v = w = f = t = c = e = 0, so every relation on the others is decided by",
    `//! the generator (\`${TOOL}\`, which translates CLDR's rule syntax and`,
    "//! checks the result against CLDR's `@integer` samples). Held to ICU's",
    "//! `Intl.PluralRules` by `tests/plural_differential.rs`.",
    "",
    "/// A CLDR plural category.",
    "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]",
    "pub enum PluralCategory {",
    ...CATEGORIES.map((c) => `    ${pascal(c)},`),
    "}",
    "",
    "impl PluralCategory {",
    "    /// Every category, in CLDR's order.",
    `    pub const ALL: [PluralCategory; ${CATEGORIES.length}] = [${categoryList(CATEGORIES)}];`,
    "",
    "    /// CLDR's name of the category (`\"zero\"` … `\"other\"`).",
    "    pub fn name(self) -> &'static str {",
    "        match self {",
    ...CATEGORIES.map((c) => `            PluralCategory::${pascal(c)} => "${c}",`),
    "        }",
    "    }",
    "",
    "    /// The category CLDR names `name`, if any.",
    "    pub fn from_name(name: &str) -> Option<Self> {",
    "        match name {",
    ...CATEGORIES.map((c) => `            "${c}" => Some(PluralCategory::${pascal(c)}),`),
    "            _ => None,",
    "        }",
    "    }",
    "}",
    "",
    "/// The languages with plural rules here.",
    "#[derive(Debug, Clone, Copy, PartialEq, Eq)]",
    "enum Language {",
    ...sorted.map((l) => `    ${pascal(l.language)},`),
    "}",
    "",
    "/// The cardinal plural rules of one language.",
    "#[derive(Debug, Clone, Copy, PartialEq, Eq)]",
    "pub struct PluralRules(Language);",
    "",
    "/// The plural rules of one language (its primary subtag, lower case), if CLDR has them and we ship it.",
    "pub fn plural_rules(language: &str) -> Option<PluralRules> {",
    "    let language = match language {",
    ...sorted.map((l) => `        "${l.language}" => Language::${pascal(l.language)},`),
    "        _ => return None,",
    "    };",
    "    Some(PluralRules(language))",
    "}",
    "",
    "impl PluralRules {",
    "    /// The category CLDR selects for the integer `n`.",
    "    pub fn category(self, n: u64) -> PluralCategory {",
    "        match self.0 {",
    ...[...groups.values()].map(({ languages }) => `            ${variants(languages)} => ${fnName(languages)}(n),`),
    "        }",
    "    }",
    "",
    "    /// The categories some integer selects (those CLDR gives `@integer` samples for), in `ALL` order, `Other` always included.",
    "    pub fn categories(self) -> &'static [PluralCategory] {",
    "        match self.0 {",
    ...[...groups.values()].map(({ languages, categories }) => `            ${variants(languages)} => &[${categoryList(categories)}],`),
    "        }",
    "    }",
    "}",
  ];
  for (const { languages, body } of groups.values()) {
    lines.push("", "/// CLDR's rules, for integers:");
    for (const locale of [...languages].sort((a, b) => a.language.localeCompare(b.language))) {
      const rules = locale.rules.filter((r) => r.category !== "other").map((r) => `${r.category}: \`${r.source}\``);
      lines.push(`/// - ${locale.language}: ${rules.length === 0 ? "other only" : rules.join("; ")}`);
    }
    const uses = body.startsWith("if ");
    lines.push(`fn ${fnName(languages)}(${uses ? "n" : "_n"}: u64) -> PluralCategory {`, `    ${body}`, "}");
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Formats Rust with rustfmt (edition 2021, default options), as the Rust
 * generators do; unchanged, with a warning, if rustfmt is not installed.
 * @param {string} name
 * @param {string} text
 * @returns {string}
 */
function rustfmt(name, text) {
  try {
    return execFileSync("rustfmt", ["--edition", "2021", "--emit", "stdout"], {
      input: text,
      encoding: "utf8",
      stdio: ["pipe", "pipe", "pipe"],
    });
  } catch (error) {
    if (error.code === "ENOENT") {
      console.error(`warning: rustfmt not found; ${name} is not formatted by it`);
      return text;
    }
    throw new Error(`rustfmt refused the generated ${name}:\n${error.stderr ?? error.message}`);
  }
}

// ---------------------------------------------------------------------------
// Display names

/**
 * CLDR's parent chain of a locale, the locale first, ending with `root`.
 * @param {string} tag
 * @param {Record<string, string>} parents `parentLocales.json`'s explicit parents
 * @returns {string[]}
 */
function parentChain(tag, parents) {
  const chain = [tag];
  for (let at = tag; at !== "root"; ) {
    const explicit = parents[at];
    const cut = at.lastIndexOf("-");
    at = explicit ?? (cut > 0 ? at.slice(0, cut) : "root");
    if (chain.includes(at)) {
      throw new Error(`parentLocales.json: a cycle through ${at}`);
    }
    chain.push(at);
  }
  return chain;
}

/** CLDR JSON's folder of a locale (`root` is `und`). @param {string} tag */
const folderOf = (tag) => (tag === "root" ? "und" : tag);

/**
 * @typedef {object} Fallback
 * @property {string} locale
 * @property {"countries" | "languages"} kind
 * @property {string} code
 * @property {string} from the locale the name was found in
 * @property {string} key the code it was found under: the code, or CLDR's replacement of it
 * @property {string} name
 */

/**
 * Every locale's names for the codes. A name is the locale's own, under its
 * code, if CLDR has it; else the first found under the code along CLDR's
 * parent chain (to `root`), then under CLDR's replacement of the code
 * (`aliases.json`: a deprecated or macrolanguage code, which ICU also
 * replaces), along the chain, then in {@link LAST_RESORT} under either.
 * Every name not the locale's own under its code is a fallback, reported.
 * @param {Map<string, any>} members the localenames package's members
 * @param {Record<string, string>} parents
 * @param {{ countries: Record<string, { _replacement: string }>, languages: Record<string, { _replacement: string }> }} aliases
 * @param {{ countries: string[], languages: string[] }} codes
 * @returns {{ files: Map<string, { countries: Record<string, string>, languages: Record<string, string> }>, fallbacks: Fallback[] }}
 */
function displayNames(members, parents, aliases, codes) {
  /** @type {Fallback[]} */
  const fallbacks = [];
  const files = new Map();
  /**
   * @param {string} tag
   * @param {"territories" | "languages"} section
   * @returns {Record<string, string> | undefined}
   */
  const table = (tag, section) =>
    members.get(`package/main/${folderOf(tag)}/${section}.json`)?.main?.[folderOf(tag)]?.localeDisplayNames?.[section];
  for (const locale of LOCALES) {
    if (table(locale, "territories") === undefined || table(locale, "languages") === undefined) {
      throw new Error(`${PINS.localenames.name} has no names for ${locale}`);
    }
    const chain = parentChain(locale, parents);
    const entry = { countries: {}, languages: {} };
    for (const [kind, section] of /** @type {const} */ ([
      ["countries", "territories"],
      ["languages", "languages"],
    ])) {
      /** @type {Record<string, string>} */
      const names = {};
      for (const code of codes[kind]) {
        const keys = [code];
        const replacement = aliases[kind][code]?._replacement;
        if (replacement !== undefined) {
          keys.push(replacement);
        }
        /** @type {[string, string][]} */
        const lookups = [
          ...keys.flatMap((key) => chain.map((tag) => /** @type {[string, string]} */ ([tag, key]))),
          ...keys.map((key) => /** @type {[string, string]} */ ([LAST_RESORT, key])),
        ];
        const found = lookups.find(([tag, key]) => typeof table(tag, section)?.[key] === "string");
        const name = found === undefined ? undefined : table(found[0], section)?.[found[1]];
        if (found === undefined || name === undefined) {
          throw new Error(`no CLDR name for ${kind} ${code} (nor ${keys.slice(1).join(", ") || "an alias"}) in ${chain.join(" → ")} → ${LAST_RESORT}`);
        }
        if (found[0] !== locale || found[1] !== code) {
          fallbacks.push({ locale, kind, code, from: found[0], key: found[1], name });
        }
        names[code] = name;
      }
      entry[kind] = names;
    }
    files.set(locale, entry);
  }
  return { files, fallbacks };
}

// ---------------------------------------------------------------------------
// Main

/**
 * The generated files, by path from the repository's root, and the report.
 * @returns {{ outputs: Map<string, string>, report: string[] }}
 */
function generate() {
  const core = readMembers(fetchTarball(PINS.core), [
    "package/supplemental/plurals.json",
    "package/supplemental/parentLocales.json",
    "package/supplemental/aliases.json",
  ]);
  const plurals = required(core, "package/supplemental/plurals.json").supplemental;
  const parents = required(core, "package/supplemental/parentLocales.json").supplemental.parentLocales.parentLocale;
  const alias = required(core, "package/supplemental/aliases.json").supplemental.metadata.alias;
  const aliases = { countries: alias.territoryAlias, languages: alias.languageAlias };
  const cldrVersion = String(plurals.version._cldrVersion);
  if (!PINS.core.version.startsWith(`${cldrVersion}.`)) {
    throw new Error(`${PINS.core.name} ${PINS.core.version} says CLDR ${cldrVersion}`);
  }

  /** @type {Map<string, string>} */
  const outputs = new Map();
  /** @type {string[]} */
  const report = [];

  const cardinals = plurals["plurals-type-cardinal"];
  const locales = LOCALES.map((language) => {
    if (cardinals[language] === undefined) {
      throw new Error(`plurals.json has no cardinal rules for ${language}`);
    }
    return localeRules(language, cardinals[language]);
  });
  outputs.set("src/messages/plural.rs", rustfmt("src/messages/plural.rs", pluralRust(locales, cldrVersion)));
  report.push("integer plural categories:");
  for (const locale of locales) {
    report.push(`  ${locale.language}: ${locale.categories.join(", ")}`);
  }

  const codes = {
    countries: codesOf("src/tables/countries.rs", "COUNTRIES", /^[A-Z]{2}$/),
    languages: codesOf("src/tables/languages.rs", "LANGUAGES", /^[a-z]{2}$/),
  };
  const chains = new Set(LOCALES.flatMap((locale) => [...parentChain(locale, parents), LAST_RESORT]));
  const wanted = [...chains].flatMap((tag) => ["territories", "languages"].map((s) => `package/main/${folderOf(tag)}/${s}.json`));
  const names = displayNames(readMembers(fetchTarball(PINS.localenames), wanted), parents, aliases, codes);
  const { core: c, localenames: l } = PINS;
  const provenance =
    `@generated by ${TOOL} (\`${COMMAND}\`) from CLDR ${cldrVersion}: npm ${l.name} ${l.version} (${l.integrity}) ` +
    `main/<locale>/territories.json and languages.json, and ${c.name} ${c.version} (${c.integrity}) supplemental/parentLocales.json and aliases.json. ` +
    `The ISO 3166-1 alpha-2 codes of src/tables/countries.rs and the ISO 639-1 codes of src/tables/languages.rs. Do not edit by hand.`;
  for (const [locale, entry] of names.files) {
    const json = { $generated: provenance, countries: entry.countries, languages: entry.languages };
    outputs.set(`locales/cldr/${locale}.json`, `${JSON.stringify(json, null, 2)}\n`);
  }
  report.push(`names: ${codes.countries.length} countries and ${codes.languages.length} languages in ${LOCALES.length} locales`);
  if (names.fallbacks.length === 0) {
    report.push("fallbacks: none (every name is the locale's own)");
  } else {
    report.push(`fallbacks (${names.fallbacks.length}), names not the locale's own under their code:`);
    for (const f of names.fallbacks) {
      const via = f.key === f.code ? "" : ` under CLDR's replacement ${f.key}`;
      report.push(`  ${f.locale} ${f.kind} ${f.code}: from ${f.from}${via}: ${JSON.stringify(f.name)}`);
    }
  }
  return { outputs, report };
}

/**
 * Where a committed file and its regeneration first differ, by line.
 * @param {string} committed
 * @param {string} generated
 * @returns {string}
 */
function firstDifference(committed, generated) {
  const old = committed.split("\n");
  const now = generated.split("\n");
  let at = 0;
  while (at < Math.max(old.length, now.length) && old[at] === now[at]) {
    at += 1;
  }
  const show = (/** @type {string | undefined} */ line) => (line === undefined ? "<end of file>" : JSON.stringify(line));
  return `first at line ${at + 1}:\n  - committed: ${show(old[at])}\n  + generated: ${show(now[at])}`;
}

function main() {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const unknown = args.find((arg) => arg !== "--check");
  if (unknown !== undefined) {
    console.error(`usage: ${COMMAND} [--check]\nunknown argument ${unknown}`);
    process.exitCode = 2;
    return;
  }
  const { outputs, report } = generate();
  console.log(report.join("\n"));
  if (check) {
    const folder = join(ROOT, "locales", "cldr");
    const extra = (existsSync(folder) ? readdirSync(folder, { withFileTypes: true }) : [])
      .map((entry) => `locales/cldr/${entry.name}`)
      .filter((path) => !outputs.has(path));
    if (extra.length > 0) {
      throw new Error(`${extra[0]} is not generated (delete it, or add its locale to ${TOOL})`);
    }
    for (const [path, text] of outputs) {
      const file = join(ROOT, path);
      const committed = existsSync(file) ? readFileSync(file, "utf8") : "";
      if (committed !== text) {
        console.error(`${path} is stale: ${existsSync(file) ? firstDifference(committed, text) : "missing"}`);
        throw new Error(`${path} is stale: run \`${COMMAND}\` and review the diff`);
      }
    }
    console.log(`${outputs.size} files up to date`);
  } else {
    for (const [path, text] of outputs) {
      const file = join(ROOT, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      console.log(`wrote ${path} (${Buffer.byteLength(text)} bytes)`);
    }
  }
}

try {
  main();
} catch (error) {
  console.error(`error: ${error.message}`);
  process.exitCode = 1;
}
