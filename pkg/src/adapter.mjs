// The JavaScript face of customer-schema: it only adapts shapes. Every rule,
// normalisation and message lives in the Rust crate; this file turns the JSON
// text the WebAssembly module returns into objects, adds `parse` (throwing)
// and Standard Schema v1's `~standard`, and keeps the module alive if a call
// ever traps.
//
// Written once; used as is by the browser/bundler entries (index.mjs,
// embedded.mjs) and by the Node entry after bundling to CommonJS
// (scripts/build.sh).

/**
 * The wasm-bindgen glue module (its exports), initialised by the entry point:
 * `safeParse(schema, input, options)` → the result as text, wire text for a
 * valid record (see fromWire) or JSON (throws a TypeError for bad options
 * only); `fieldNames()`, the field names wire text numbers, one per line;
 * `__wbg_reset_state()` re-instantiates the module; the table functions
 * `timeZones`, `tzdataVersion`, `phoneMetadataVersion`, `languages`, `countries`, `enumValues`,
 * `postalCodeFormat`, `subdivisions` (JSON
 * text where not plain strings); the batch functions
 * `safeParseMany(schema, records, options)` (an array or a JSON array text)
 * → wire text of `{ results, summary, error? }` (see fromWireBatch), and
 * `safeParseJson(schema, text, options)`, one record's JSON text
 * (a string or a Uint8Array) → its result as safeParse's;
 * `safeParseLines(schema, text, firstLine, options)` (NDJSON) → its JSON
 * text; `jsonSchema(schema, io, target, options)`, JSON text;
 * `formatPhone(number, format)`; `phoneAsYouType(region, text, field)` (the
 * as-you-type formatter's text, see phoneAsYouType below);
 * `parsePhone(input, options)` and, for string input,
 * `parsePhoneText(input, options)`, with `phoneFacts()` and `phoneAnswer()`
 * (see parsePhone below); `phoneTypes()`, JSON text; `fromFormEntries(schema,
 * entries)` and `validateField(schema, path, input, options)`, JSON text (see
 * fromFormData and validateField below); `checkOptions(options)`,
 * which throws the TypeError a bad option gets; in the Node module only,
 * `mergeSummaries(into, summary)`, two batch summaries' JSON text → their
 * sum's (throws a TypeError for what is not a summary), and
 * `checkLines(schema, bytes, firstLine, options, wantOut)`, a file check's
 * chunk (see checkNdjsonBytes below); and `__warmUpRecords()`,
 * JSON text. (The tests hand this function a glue whose calls they watch:
 * the adapter itself exports nothing for them.)
 * @typedef {Record<string, Function>} Glue
 */

/**
 * An issue as the module reports it (only what this file reads is named).
 * @typedef {{ path?: unknown, message: string, [key: string]: unknown }} Issue
 */

/** @type {<T>(value: T) => T} */
const identity = (value) => value;

const VENDOR = "customer-schema";

/** Thrown by `parse` when the input is invalid. */
export class CustomerSchemaError extends Error {
  /**
   * @param {Issue[]} issues
   * @param {unknown[]} [warnings]
   */
  constructor(issues, warnings = []) {
    super(formatIssues(issues));
    this.name = "CustomerSchemaError";
    this.issues = issues;
    this.warnings = warnings;
  }
}

/** @param {unknown} path */
function formatPath(path) {
  if (!Array.isArray(path) || path.length === 0) return "(root)";
  let out = "";
  for (const key of path) {
    out += typeof key === "number" ? `[${key}]` : out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** @param {Issue[]} issues */
function formatIssues(issues) {
  const n = issues.length;
  const head = `Invalid input: ${n} issue${n === 1 ? "" : "s"}`;
  return [head, ...issues.map((i) => `  - ${formatPath(i.path)}: ${i.message}`)].join("\n");
}

/**
 * Sets `object[key]` as an own property (a `__proto__` key included).
 * @param {Record<PropertyKey, any>} object
 * @param {PropertyKey} key
 * @param {() => any} make
 */
function own(object, key, make) {
  if (!Object.hasOwn(object, key)) Object.defineProperty(object, key, { value: make(), enumerable: true, writable: true, configurable: true });
  return object[key];
}

/**
 * Zod 4's `flattenError`, for this package's errors: the messages of issues
 * at the record itself in `formErrors`, the others under their first key.
 * @param {{ issues: readonly Issue[] }} error
 * @param {(issue: Issue) => unknown} [mapIssue]
 */
export function flattenError(error, mapIssue = (issue) => issue.message) {
  /** @type {unknown[]} */
  const formErrors = [];
  /** @type {Record<PropertyKey, unknown[]>} */
  const fieldErrors = {};
  for (const issue of error.issues) {
    const path = /** @type {PropertyKey[]} */ (Array.isArray(issue.path) ? issue.path : []);
    if (path.length > 0) own(fieldErrors, path[0], () => []).push(mapIssue(issue));
    else formErrors.push(mapIssue(issue));
  }
  return { formErrors, fieldErrors };
}

/**
 * Zod 4's `treeifyError`, for this package's errors: `{ errors, properties?,
 * items? }` nested along each issue's path.
 * @param {{ issues: readonly Issue[] }} error
 * @param {(issue: Issue) => unknown} [mapIssue]
 */
export function treeifyError(error, mapIssue = (issue) => issue.message) {
  /** @typedef {{ errors: unknown[], properties?: Record<PropertyKey, Tree>, items?: Tree[] }} Tree */
  /** @type {Tree} */
  const tree = { errors: [] };
  for (const issue of error.issues) {
    const path = /** @type {PropertyKey[]} */ (Array.isArray(issue.path) ? issue.path : []);
    let node = tree;
    for (const key of path) {
      node =
        typeof key === "number"
          ? ((node.items ??= [])[key] ??= { errors: [] })
          : own((node.properties ??= {}), key, () => ({ errors: [] }));
    }
    node.errors.push(mapIssue(issue));
  }
  return tree;
}

// The single result returned when the WebAssembly module itself failed (a
// trap, or an exception that unwound through it). It is not a validation
// rule: the module is restarted and the caller is told the truth.
/** @param {any} cause  whatever was thrown */
function internalError(cause) {
  return {
    success: false,
    error: {
      issues: [
        {
          code: "custom",
          rule: "internal",
          path: [],
          message:
            "Internal error: customer-schema failed while validating this input and was restarted " +
            "(please report it as a bug)" +
            (cause && typeof cause.message === "string" ? `: ${cause.message}` : ""),
        },
      ],
    },
    warnings: [],
  };
}

/** @typedef {[code: string, origin: string, format: string, message: string]} IssueParts */

// A string crosses to WebAssembly as UTF-8, where a lone surrogate can only
// become U+FFFD. In JSON text one can stand only inside a string, where its
// escape means the same to a JSON reader (JSON.parse reads "\ud800" as that
// lone surrogate), so a text that is not well formed crosses with each one
// escaped: the module's reader then reports it at its path, as safeParse
// does for the parsed value. (Outside a string the text is not JSON either
// way.) Anything else passes unchanged.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/**
 * @template T
 * @param {T} text
 * @returns {T | string}
 */
function jsonText(text) {
  if (typeof text !== "string" || text.isWellFormed?.() === true) return text;
  return text.replace(LONE_SURROGATE, (unit) => `\\u${unit.charCodeAt(0).toString(16)}`);
}

/**
 * A message catalogue's data module (pkg/dist/locales/<tag>.mjs).
 * @typedef {{ messages: string, names: string }} LocaleData
 */

/**
 * @param {Glue} glue  the module's wasm-bindgen glue
 * @param {Record<string, (() => Promise<LocaleData>) | LocaleData>} [locales]
 *   each shipped catalogue by tag: its loader (pkg/dist/locales/index.mjs),
 *   or its data, handed to the module at once (the Node entry's)
 */
export function createApi(glue, locales = {}) {
  // The catalogues handed to the module (by tag), handed again after a
  // restart: a new instance has English only.
  /** @type {Map<string, LocaleData>} */
  const loadedLocales = new Map();
  const registerLocales = () => {
    for (const [tag, data] of loadedLocales) glue.registerLocale(tag, data.messages, data.names);
  };
  for (const [tag, data] of Object.entries(locales)) {
    if (typeof data === "object") loadedLocales.set(tag, data);
  }
  registerLocales();
  // Calls into the module in progress: more than one when a getter the
  // module runs while reading input calls it again.
  let depth = 0;
  // What made the instance unusable (a trap), until it is restarted.
  /** @type {unknown} */
  let broken = null;

  // Restarts a broken instance; false if that failed (it is tried again on
  // the next call).
  function restart() {
    try {
      glue.__wbg_reset_state();
      registerLocales();
    } catch {
      return false;
    }
    broken = null;
    return true;
  }

  // Runs one call into the module. The Rust side reads input through
  // catching imports, so the only exception it throws on purpose is the
  // TypeError for bad options (the programmer's error: propagate it). Anything
  // else is a trap, after which the instance may be poisoned (shadow stack and
  // borrow flags left mid-call): report it, never throw, and restart the
  // instance once no call is running in it (restarting under a call still in
  // progress, a getter's call nested in an outer one, would swap the memory
  // the outer call is reading). A call that was running when an instance
  // broke, or that would start in one, reports the trap too.
  /**
   * @param {() => any} call
   * @param {(cause: any) => any} [onTrap]
   * @param {(text: any) => any} [decode]
   */
  function guarded(call, onTrap = internalError, decode = JSON.parse) {
    if (broken && (depth > 0 || !restart())) return onTrap(broken);
    let text;
    depth += 1;
    try {
      text = call();
    } catch (error) {
      if (error instanceof TypeError && !broken) throw error;
      broken ??= error;
    } finally {
      depth -= 1;
    }
    if (broken) {
      const cause = broken;
      if (depth === 0) restart();
      return onTrap(cause);
    }
    return decode(text);
  }

  // A valid record's result comes as wire text ("~…", written by
  // src/output/wire.rs, whose docs give the format): each field a key
  // character (the field's index in fieldNames) and a value, read here with
  // a few string operations instead of JSON.parse. Any other result is JSON.
  // A batch (safeParseMany) comes as wire text too: see src/output/batch.rs.
  const fieldNames = glue.fieldNames().split("\n");
  // The wire text being read, and the position in it.
  let wire = "";
  let at = 0;
  // A length or a count: one character from U+0020.
  const wireCount = () => wire.charCodeAt(at++) - 32;
  const wireString = () => {
    const end = at + 1 + wire.charCodeAt(at) - 32;
    const value = wire.slice(at + 1, end);
    at = end;
    return value;
  };
  /** @param {number} type */
  const wireValue = (type) => {
    switch (type) {
      case 115 /* s */:
        return wireString();
      case 100 /* d */: {
        const end = wire.indexOf(";", at);
        const number = Number(wire.slice(at, end));
        at = end + 1;
        return number;
      }
      case 116 /* t */:
        return true;
      case 102 /* f */:
        return false;
      case 110 /* n */:
        return null;
      case 97 /* a */: {
        const items = new Array(wireCount());
        for (let i = 0; i < items.length; i++) items[i] = wireString();
        return items;
      }
      default:
        throw new Error(`customer-schema: unexpected wire value ${String.fromCharCode(type)}`);
    }
  };
  // Up to `members` entries into `object`, stopping at the text's end or
  // where no key is due (keys are "@" and above). (Never read past the end:
  // V8 would deoptimise this function for it.)
  /**
   * @param {Record<string, unknown>} object
   * @param {number} members
   */
  const wireEntries = (object, members) => {
    for (let n = 0; n < members && at < wire.length; n++) {
      const key = wire.charCodeAt(at);
      if (key < 64) return;
      const type = wire.charCodeAt(at + 1);
      at += 2;
      // The only nested object is the address, whose entries are leaves.
      if (type === 111 /* o */) {
        /** @type {Record<string, unknown>} */
        const inner = {};
        wireEntries(inner, wireCount());
        object[fieldNames[key - 64]] = inner;
      } else {
        object[fieldNames[key - 64]] = wireValue(type);
      }
    }
  };
  const wireData = () => {
    /** @type {Record<string, unknown>} */
    const data = {};
    wireEntries(data, Infinity);
    return data;
  };
  /** @param {string} text */
  const fromWire = (text) => {
    wire = text;
    at = 1;
    return { success: true, data: wireData(), warnings: [] };
  };
  /** @param {string} text */
  const decodeResult = (text) => (text.charCodeAt(0) === 126 /* ~ */ ? fromWire(text) : JSON.parse(text));
  // "~", then each result and U+0001 (a valid record's wire text "~…", or
  // the JSON of the result with its index), then U+0002 and the JSON of
  // { summary, error? }.
  /** @param {string} text */
  const fromWireBatch = (text) => {
    wire = text;
    at = 1;
    const results = [];
    for (;;) {
      const first = text.charCodeAt(at);
      if (first === 126 /* ~ */) {
        at += 1;
        results.push({ index: results.length, success: true, data: wireData(), warnings: [] });
        at += 1;
      } else if (first === 123 /* { */) {
        const end = text.indexOf("\u0001", at);
        results.push(JSON.parse(text.slice(at, end)));
        at = end + 1;
      } else {
        break;
      }
    }
    const { summary, error } = JSON.parse(text.slice(at + 1));
    return error === undefined ? { results, summary } : { results, summary, error };
  };
  /** @param {string} text */
  const decodeBatch = (text) => (text.charCodeAt(0) === 126 /* ~ */ ? fromWireBatch(text) : JSON.parse(text));

  // A batch whose call trapped: no results, the internal error as the batch's error.
  /** @param {unknown} error */
  const batchTrap = (error) => ({
    results: [],
    summary: { total: 0, valid: 0, invalid: 0, warned: 0, issues: [] },
    error: internalError(error).error,
  });

  // JSON Schemas are the same for the same arguments: generated once each.
  /** @type {Map<string, string>} */
  const jsonSchemas = new Map();
  /**
   * The JSON Schema of `schema` for a call's settings ({ io, target,
   * unknownKeys }, own properties only); `io` given is the io of a
   * Standard JSON Schema call. The module checks each setting's value.
   * @param {string} schema
   * @param {string} caller
   * @param {unknown} settings
   * @param {string} [fixedIo]
   */
  function jsonSchema(schema, caller, settings, fixedIo) {
    if (settings !== undefined && (typeof settings !== "object" || settings === null || Array.isArray(settings))) {
      const what = settings === null ? "null" : Array.isArray(settings) ? "an array" : typeof settings === "string" ? JSON.stringify(settings) : typeof settings;
      throw new TypeError(`${caller}: settings must be an object such as { io: "input" }, not ${what}`);
    }
    const given = /** @type {Record<string, unknown> | undefined} */ (settings);
    /** @param {string} name */
    const setting = (name) => (given !== undefined && Object.hasOwn(given, name) ? given[name] : undefined);
    const io = fixedIo ?? setting("io");
    const target = setting("target");
    const unknownKeys = setting("unknownKeys");
    const options = unknownKeys === undefined ? undefined : { unknownKeys };
    const cacheable = [io, target, unknownKeys].every((value) => value === undefined || typeof value === "string");
    const key = cacheable ? JSON.stringify([schema, io, target, unknownKeys]) : undefined;
    const cached = key === undefined ? undefined : jsonSchemas.get(key);
    if (cached !== undefined) return JSON.parse(cached);
    // No input data reaches this call: bad arguments throw a TypeError.
    /** @type {string} */
    const text = glue.jsonSchema(schema, io, target, options);
    if (key !== undefined) jsonSchemas.set(key, text);
    return JSON.parse(text);
  }

  // Each schema object made here: its name and its options merger, for the
  // functions that take a schema (fromFormData, validateField, formSchema).
  /** @type {WeakMap<object, { schema: string, withBound: (options: unknown) => unknown }>} */
  const schemaInfo = new WeakMap();
  /** @param {unknown} schema */
  const infoOf = (schema) => {
    const info = typeof schema === "object" && schema !== null ? schemaInfo.get(schema) : undefined;
    if (info === undefined) throw new TypeError("schema must be CustomerSchema, CreateCustomerSchema or UpdateCustomerSchema (or one from their withOptions)");
    return info;
  };
  /** @param {unknown} cause */
  const moduleFailed = (cause) => {
    throw new Error("customer-schema: the WebAssembly module failed", { cause });
  };

  /**
   * A schema's functions, with `bound` options (from `withOptions`) under
   * each call's own.
   * @param {string} schema
   * @param {Readonly<Record<string, unknown>>} [bound]
   */
  function makeSchema(schema, bound) {
    // The options of one call: its own over the bound ones. Anything but an
    // object goes to the module as given, so that it throws the TypeError
    // that names the option.
    /** @param {unknown} options */
    const withBound = (options) =>
      bound === undefined ? options : options === undefined ? bound : typeof options === "object" && options !== null && !Array.isArray(options) ? { ...bound, ...options } : options;
    /**
     * @param {unknown} input
     * @param {unknown} [options]
     */
    const safeParse = (input, options) => guarded(() => glue.safeParse(schema, input, withBound(options)), internalError, decodeResult);
    /**
     * @param {unknown} input
     * @param {unknown} [options]
     */
    const parse = (input, options) => {
      const result = safeParse(input, options);
      if (result.success) return result.data;
      throw new CustomerSchemaError(result.error.issues, result.warnings);
    };
    // One record as JSON text (a string, or UTF-8 bytes as received), parsed
    // by the module (a string's lone surrogates escaped: see jsonText).
    /**
     * @param {unknown} text
     * @param {unknown} [options]
     */
    const safeParseJson = (text, options) =>
      guarded(() => glue.safeParseJson(schema, jsonText(text), withBound(options)), internalError, decodeResult);
    // Many records in one call: an array, or the JSON text of one.
    /**
     * @param {unknown} records
     * @param {unknown} [options]
     */
    const safeParseMany = (records, options) =>
      guarded(() => glue.safeParseMany(schema, jsonText(records), withBound(options)), batchTrap, decodeBatch);
    // NDJSON text (one record per line), lines numbered from firstLine.
    /**
     * @param {unknown} text
     * @param {unknown} [options]
     * @param {number} [firstLine]
     */
    const safeParseNdjson = (text, options, firstLine = 1) => {
      if (typeof text !== "string") throw new TypeError("safeParseNdjson: text must be a string");
      return guarded(() => glue.safeParseLines(schema, jsonText(text), firstLine, withBound(options)), batchTrap);
    };
    // { io: "output" (default, as Zod) | "input", target: "draft-2020-12" | "draft-07", unknownKeys }
    /** @param {{ io?: string, target?: string, unknownKeys?: string }} [settings] */
    const toJSONSchema = (settings) => jsonSchema(schema, "toJSONSchema", settings);
    const standard = Object.freeze({
      version: 1,
      vendor: VENDOR,
      /**
       * @param {unknown} value
       * @param {{ libraryOptions?: unknown }} [options]
       */
      validate(value, options) {
        const result = safeParse(value, options?.libraryOptions);
        return result.success ? { value: result.data } : { issues: result.error.issues };
      },
      // Standard JSON Schema v1: jsonSchema.input/output({ target }).
      jsonSchema: Object.freeze({
        input: /** @param {{ target?: string }} [settings] */ (settings) => jsonSchema(schema, "jsonSchema.input", settings, "input"),
        output: /** @param {{ target?: string }} [settings] */ (settings) => jsonSchema(schema, "jsonSchema.output", settings, "output"),
      }),
    });
    /** @param {unknown} options */
    const withOptions = (options) => {
      const merged = withBound(options);
      // Checked now, by the module's own reader: a bad option throws here.
      guarded(() => glue.checkOptions(merged), moduleFailed, identity);
      return makeSchema(schema, Object.freeze({ .../** @type {object} */ (merged) }));
    };
    const made = Object.freeze({ safeParse, parse, safeParseJson, safeParseMany, safeParseNdjson, toJSONSchema, withOptions, "~standard": standard });
    schemaInfo.set(made, { schema, withBound });
    return made;
  }

  // Form data: the entries (name, text) of a FormData, URLSearchParams, any
  // iterable of pairs, or an object of fields (a parsed body, whose repeated
  // names are arrays), shaped into a record by the module. Files are skipped.
  /** @param {unknown} data */
  const formEntries = (data) => {
    /** @type {[string, string][]} */
    const entries = [];
    /** @param {string} name @param {unknown} value */
    const add = (name, value) => {
      if (typeof value === "string") entries.push([name, value]);
    };
    if (typeof data !== "object" || data === null) throw new TypeError("fromFormData: data must be FormData, URLSearchParams, [name, value] pairs or an object of fields");
    if (Symbol.iterator in data) {
      for (const pair of /** @type {Iterable<unknown>} */ (data)) {
        if (Array.isArray(pair)) add(String(pair[0]), pair[1]);
      }
    } else {
      for (const [name, value] of Object.entries(data)) {
        if (Array.isArray(value)) for (const item of value) add(name, item);
        else add(name, value);
      }
    }
    return entries;
  };
  /**
   * @param {unknown} data
   * @param {unknown} [schema]  CreateCustomerSchema (default) or another: the fields it has
   */
  const fromFormData = (data, schema) => {
    const name = schema === undefined ? "create" : infoOf(schema).schema;
    const entries = JSON.stringify(formEntries(data));
    return JSON.parse(guarded(() => glue.fromFormEntries(name, entries), moduleFailed, identity));
  };
  /**
   * @param {unknown} schema
   * @param {string | readonly (string | number)[]} path
   * @param {unknown} record
   * @param {unknown} [options]
   */
  const validateField = (schema, path, record, options) => {
    const { schema: name, withBound } = infoOf(schema);
    const pathText = typeof path === "string" ? path : JSON.stringify(path);
    if (typeof pathText !== "string") throw new TypeError("path must be keys joined by \".\" or an array of keys and indexes");
    return guarded(() => glue.validateField(name, pathText, record, withBound(options)), (cause) => ({ ...internalError(cause).error, warnings: [] }));
  };
  // The schema over form data: what it validates is the record fromFormData
  // makes of it (for validators handed a form's fields as an object: Hono's
  // "form" target).
  /** @param {unknown} schema */
  const formSchema = (schema) => {
    const target = /** @type {ReturnType<typeof makeSchema>} */ (schema);
    infoOf(schema);
    /** @param {unknown} data */
    const record = (data) => fromFormData(data, schema);
    return Object.freeze({
      /** @param {unknown} data @param {unknown} [options] */
      safeParse: (data, options) => target.safeParse(record(data), options),
      /** @param {unknown} data @param {unknown} [options] */
      parse: (data, options) => target.parse(record(data), options),
      "~standard": Object.freeze({
        ...target["~standard"],
        /** @param {unknown} data @param {{ libraryOptions?: unknown }} [options] */
        validate: (data, options) => target["~standard"].validate(record(data), options),
      }),
    });
  };

  // The module's own tables (for suggestions in forms), read once and cached
  // as frozen arrays of frozen objects: callers share them and cannot alter
  // them. Only the shape changes here; the content is the module's.
  /**
   * @template T
   * @param {() => T} read
   * @returns {() => T}
   */
  const once = (read) => {
    /** @type {T | undefined} */
    let value;
    return () => (value ??= read());
  };
  /**
   * @template T
   * @param {T[]} rows
   */
  const freezeAll = (rows) => Object.freeze(rows.map((row) => Object.freeze(row)));
  const timeZones = once(() => Object.freeze(JSON.parse(glue.timeZones())));
  const tzdataVersion = once(() => glue.tzdataVersion());
  const phoneMetadataVersion = once(() => glue.phoneMetadataVersion());
  // The names lists by locale (cleared when a catalogue is loaded: a locale
  // may then fall back to it rather than to English).
  /** @type {Map<string, readonly any[]>} */
  const namesLists = new Map();
  /**
   * @template T
   * @param {string} kind
   * @param {unknown} locale
   * @param {(locale: string | undefined) => T[]} read
   * @returns {readonly T[]}
   */
  const namesList = (kind, locale, read) => {
    if (locale !== undefined && typeof locale !== "string") throw new TypeError(`${kind}: locale must be a string such as "de"`);
    const key = `${kind} ${locale ?? ""}`;
    let list = namesLists.get(key);
    if (list === undefined) namesLists.set(key, (list = freezeAll(read(/** @type {string | undefined} */ (locale)))));
    return list;
  };
  /** @param {string} [locale] */
  const languages = (locale) =>
    namesList("languages", locale, (tag) => /** @type {[string, string][]} */ (JSON.parse(glue.languages(tag))).map(([code, name]) => ({ code, name })));
  /** @param {string} [locale] */
  const countries = (locale) =>
    namesList("countries", locale, (tag) =>
      /** @type {[string, string, string][]} */ (JSON.parse(glue.countries(tag))).map(([alpha2, alpha3, name]) => ({ alpha2, alpha3, name })),
    );

  // Makes the messages (and country and language names) of `locale`'s
  // catalogue available: the module says which shipped catalogue the tag
  // falls back to (de-AT → de; English is built in), whose data module is
  // imported (once) and handed over. Resolves to that catalogue's tag.
  /** @param {unknown} locale */
  const loadLocale = async (locale) => {
    if (typeof locale !== "string") throw new TypeError(`loadLocale: locale must be a string such as "de"`);
    const tag = guarded(() => glue.localeToLoad(locale), moduleFailed, identity);
    if (tag === "" || loadedLocales.has(tag)) return tag || "en";
    const load = locales[tag];
    if (load === undefined) throw new Error(`loadLocale: this build of customer-schema has no catalogue "${tag}"`);
    const data = typeof load === "function" ? await load() : load;
    if (!loadedLocales.has(tag)) {
      loadedLocales.set(tag, { messages: data.messages, names: data.names });
      guarded(() => glue.registerLocale(tag, data.messages, data.names), moduleFailed, identity);
      namesLists.clear();
    }
    return tag;
  };
  const enumValues = once(() => {
    const lists = JSON.parse(glue.enumValues());
    for (const key of Object.keys(lists)) Object.freeze(lists[key]);
    return Object.freeze(lists);
  });
  // A country's postal-code format and subdivisions (the module decides
  // which country a string names; here only the shape is frozen).
  /**
   * @param {string} name
   * @param {unknown} country
   */
  const countryArgument = (name, country) => {
    if (typeof country !== "string") throw new TypeError(`${name}: country must be a string`);
    return country;
  };
  /** @param {string} country */
  const postalCodeFormat = (country) => {
    const format = JSON.parse(glue.postalCodeFormat(countryArgument("postalCodeFormat", country)));
    if (format === null) return null;
    Object.freeze(format.examples);
    return Object.freeze(format);
  };
  /** @param {string} country */
  const subdivisions = (country) => freezeAll(JSON.parse(glue.subdivisions(countryArgument("subdivisions", country))));

  // One phone number on its own, checked by the same rule as `phone_number`:
  // { success: true, data: { e164, countryCode, region, type } } or one issue.
  // For a valid number the module answers with numbers, cheaper than text
  // to decode: its E.164 digits, and its facts packed in one whole number
  // (bits 0-3 the type's index in phoneTypes(), 4-13 the calling code,
  // 14-23 the region's two letters, five bits each, A = 1, or 0 for none).
  // For an invalid number it answers -1 - key, a number that stands for one
  // issue (the same key always has the same issue), whose text it gives on
  // request as "!CODE ORIGIN FORMAT MESSAGE": asked for once per key, then kept.
  // Otherwise (answer 0) it has a text: the result's JSON ("{…"), an issue
  // line, or the E.164 text of a valid number too long to be exact as a
  // JavaScript number.
  const phoneTypes = JSON.parse(glue.phoneTypes());
  /** @param {number} bits */
  const letter = (bits) => String.fromCharCode(64 /* A - 1 */ + (bits & 31));
  /** @param {string} e164 */
  const validPhone = (e164) => {
    const facts = glue.phoneFacts();
    const region = facts >>> 14;
    return {
      success: true,
      data: {
        e164,
        countryCode: (facts >>> 4) & 1023,
        region: region === 0 ? null : letter(region >>> 5) + letter(region),
        type: phoneTypes[facts & 15],
        // The display forms, written by the module's formatter when first
        // read (bulk checks that never read them pay nothing), then kept.
        get national() {
          return keep(this, "national", formatPhone(e164, "national"));
        },
        get international() {
          return keep(this, "international", formatPhone(e164, "international"));
        },
      },
      warnings: [],
    };
  };
  /**
   * Replaces a getter of `object` by the value it computed.
   * @param {object} object
   * @param {string} key
   * @param {unknown} value
   */
  const keep = (object, key, value) => {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
    return value;
  };
  // "+" and the digits. Written in two parts below 10^9 each: V8 turns those
  // into text several times faster than a number past 2^31.
  /** @param {number} digits */
  const e164Text = (digits) => {
    const low = digits % 1e9;
    const high = (digits - low) / 1e9;
    return high === 0 ? `+${low}` : `+${high}${String(low).padStart(9, "0")}`;
  };
  // "!CODE ORIGIN FORMAT MESSAGE" → [code, origin, format, message]
  /**
   * @param {string} line
   * @returns {IssueParts}
   */
  const issueParts = (line) => {
    const codeEnd = line.indexOf(" ");
    const originEnd = line.indexOf(" ", codeEnd + 1);
    const formatEnd = line.indexOf(" ", originEnd + 1);
    return [
      line.slice(1, codeEnd),
      line.slice(codeEnd + 1, originEnd),
      line.slice(originEnd + 1, formatEnd),
      line.slice(formatEnd + 1),
    ];
  };
  // A fresh result each time (callers may change it), from shared strings.
  /** @param {IssueParts} parts */
  const invalidPhone = ([code, origin, format, message]) => ({
    success: false,
    error: { issues: [{ code, origin, format, path: [], message }] },
    warnings: [],
  });
  // Issue parts by answer; cleared when full (a key per character that can
  // be refused makes the keys unbounded).
  /** @type {Map<number, IssueParts>} */
  const phoneIssues = new Map();
  const PHONE_ISSUES_KEPT = 4096;
  /** @param {number} answer */
  const keyedIssue = (answer) => {
    let parts = phoneIssues.get(answer);
    if (parts === undefined) {
      parts = issueParts(glue.phoneAnswer());
      if (phoneIssues.size >= PHONE_ISSUES_KEPT) phoneIssues.clear();
      phoneIssues.set(answer, parts);
    }
    return invalidPhone(parts);
  };
  const phoneAnswer = () => {
    const text = glue.phoneAnswer();
    const first = text.charCodeAt(0);
    if (first === 123 /* { */) return JSON.parse(text);
    if (first === 33 /* ! */) return invalidPhone(issueParts(text));
    return validPhone(text);
  };
  // A string of a phone number's length goes to the entry that takes text as
  // an argument (one crossing fewer); anything else to the one that reads
  // the value under the module's bounds: a huge string is refused by its
  // length there, not copied whole into WebAssembly memory first, and a
  // lone surrogate is seen as one (text crossing as an argument would
  // arrive with U+FFFD in its place).
  const PHONE_TEXT_MAX = 256;
  /**
   * @param {unknown} input
   * @param {unknown} [options]
   */
  const parsePhone = (input, options) =>
    guarded(() => {
      const answer =
        typeof input === "string" && input.length <= PHONE_TEXT_MAX && input.isWellFormed?.() !== false
          ? glue.parsePhoneText(input, options)
          : glue.parsePhone(input, options);
      return answer > 0 ? validPhone(e164Text(answer)) : answer < 0 ? keyedIssue(answer) : phoneAnswer();
    }, internalError, identity);

  /**
   * A valid number written as libphonenumber writes it; null when it is not
   * a valid number (or not a string). A bad format name throws a TypeError.
   * @param {unknown} number
   * @param {unknown} format
   */
  const formatPhone = (number, format) =>
    guarded(
      () => glue.formatPhone(typeof number === "string" ? number : "", String(format)) ?? null,
      moduleFailed,
      identity,
    );

  /**
   * An as-you-type formatter for a phone input, in `region`: a
   * `defaultRegion` value, or a country as `address.country` takes it, or
   * nothing (then only numbers typed with `+` are formatted). Anything else
   * throws a TypeError now. It keeps only the text typed; every answer is
   * the module's (libphonenumber's AsYouTypeFormatter, run over the whole
   * text).
   * @param {unknown} [region]
   */
  const phoneAsYouType = (region) => {
    const name = region === undefined || region === null ? "" : String(region);
    /**
     * @param {string} text
     * @param {boolean} field
     * @returns {string}
     */
    const run = (text, field) => guarded(() => glue.phoneAsYouType(name, text, field), moduleFailed, identity);
    run("", false);
    let typed = "";
    return {
      /** @param {unknown} char */
      input(char) {
        typed += String(char);
        return run(typed, false);
      },
      reset() {
        typed = "";
      },
      /** @param {unknown} text */
      format(text) {
        return run(String(text), true);
      },
      get typed() {
        return typed;
      },
    };
  };

  // Run the validation path once now, on the module's own sample records
  // (one whose result is JSON, one whose result is wire text): V8 compiles
  // WebAssembly and JavaScript lazily, on first call, so this makes the
  // caller's first safeParse about as fast as its tenth.
  /** @param {ReturnType<typeof makeSchema>[]} schemas */
  const warmUp = (schemas) => {
    const records = JSON.parse(glue.__warmUpRecords());
    // Two rounds: the first compiles, the second lets V8 see the path as hot.
    // Each record with options and without (the usual call, whose own path
    // reads no options): measured over fresh processes (bench/compare.mjs's
    // cold start), a caller's first call then took 1.45× its tenth instead
    // of 1.8×, for the same load time as four rounds with options only.
    for (let round = 0; round < 2; round++) {
      for (const schema of schemas) {
        for (const record of records) {
          schema.safeParse(record, { defaultRegion: "GB" });
          schema.safeParse(record);
        }
      }
      parsePhone("+1 415 555 2671");
    }
  };

  const EMPTY_SUMMARY = '{"total":0,"valid":0,"invalid":0,"warned":0,"issues":[]}';
  /**
   * Adds a batch's summary into a running one (created when `into` is
   * omitted), which it updates and returns. The sum is the module's.
   * @param {object | undefined} into
   * @param {object} summary
   */
  const mergeSummary = (into, summary) => {
    const text = guarded(
      () => glue.mergeSummaries(into === undefined ? EMPTY_SUMMARY : String(JSON.stringify(into)), String(JSON.stringify(summary))),
      moduleFailed,
      identity,
    );
    const merged = JSON.parse(text);
    return into === undefined ? merged : Object.assign(into, merged);
  };

  const utf8 = new TextDecoder();
  /**
   * A file check's chunk of NDJSON, bytes in and bytes out (the command
   * line's `check`; Node only, where the glue has `checkLines`): the
   * chunk's summary, the report of its invalid records (the members of a
   * JSON array, each preceded by `,\n`) and, with `out`, its normalised
   * valid records as NDJSON, as bytes ready to be written; or, for bytes
   * that are not UTF-8, the offset of the first bad one.
   * @param {Uint8Array} bytes  whole lines of NDJSON
   * @param {unknown} schema  CustomerSchema, CreateCustomerSchema or UpdateCustomerSchema (or one from their withOptions)
   * @param {{ firstLine?: number, out?: boolean, options?: unknown }} [how]
   */
  const checkNdjsonBytes = (bytes, schema, how = {}) => {
    if (!(bytes instanceof Uint8Array)) throw new TypeError("bytes must be a Uint8Array");
    const { schema: name, withBound } = infoOf(schema);
    const { firstLine = 1, out = false, options } = how;
    /** @type {Uint8Array} */
    const answer = guarded(() => glue.checkLines(name, bytes, firstLine, withBound(options), out === true), moduleFailed, identity);
    if (answer[0] === 3) return { notUtf8At: Number(utf8.decode(answer.subarray(1))) };
    const first = answer.indexOf(2);
    const second = answer.indexOf(2, first + 1);
    return { summary: JSON.parse(utf8.decode(answer.subarray(0, first))), report: answer.subarray(first + 1, second), out: answer.subarray(second + 1) };
  };

  const api = {
    CustomerSchema: makeSchema("customer"),
    CreateCustomerSchema: makeSchema("create"),
    UpdateCustomerSchema: makeSchema("update"),
    CustomerSchemaError,
    timeZones,
    tzdataVersion,
    phoneMetadataVersion,
    languages,
    countries,
    loadLocale,
    enumValues,
    postalCodeFormat,
    subdivisions,
    parsePhone,
    formatPhone,
    phoneAsYouType,
    mergeSummary,
    ...(typeof glue.checkLines === "function" ? { checkNdjsonBytes } : {}),
    fromFormData,
    validateField,
    formSchema,
    flattenError,
    treeifyError,
  };
  warmUp([api.CustomerSchema, api.CreateCustomerSchema, api.UpdateCustomerSchema]);
  return api;
}
