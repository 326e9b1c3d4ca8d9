// The package's API surface. The data types are generated from the Rust crate
// (the records' output and input types from its field table, the issues by
// tsify; scripts/build.sh writes them to dist/types.d.ts, without the
// wasm-bindgen loader's declarations, which need the DOM lib) and only
// re-exported here.
import type {
  Customer,
  CustomerInput,
  CreateCustomer,
  CreateCustomerInput,
  UpdateCustomer,
  UpdateCustomerInput,
  Issue,
  ParseOptions,
  PreferredContactMethod,
  BestTimeToCall,
} from "./dist/types.js";

export type {
  Customer,
  CustomerInput,
  CreateCustomer,
  CreateCustomerInput,
  UpdateCustomer,
  UpdateCustomerInput,
  Address,
  AddressInput,
  PreferredContactMethod,
  BestTimeToCall,
  Issue,
  IssueKind,
  PathItem,
  Format,
  Origin,
  Rule,
  ParseOptions,
} from "./dist/types.js";

/** The result of `safeParse`: narrow on `success`. */
export type SafeParseResult<T> = SafeParseSuccess<T> | SafeParseFailure;

export interface SafeParseSuccess<T> {
  success: true;
  /** The normalised record. */
  data: T;
  /** Issues that do not fail validation but deserve a second look. */
  warnings: Issue[];
  error?: undefined;
}

export interface SafeParseFailure {
  success: false;
  /** Every issue found, not only the first. */
  error: { issues: Issue[] };
  warnings: Issue[];
  data?: undefined;
}

/** Standard Schema v1 (https://standardschema.dev), declared here so no dependency is needed. */
export declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown, options?: Options | undefined) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  /** What a caller may pass to `validate`: this package reads `libraryOptions` as `ParseOptions`. */
  interface Options {
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["input"];
  type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["output"];
}
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardSchemaV1.Props<Input, Output>;
}

/** Standard JSON Schema v1 (https://standardschema.dev), declared here so no dependency is needed. */
export declare namespace StandardJSONSchemaV1 {
  interface Props<Input = unknown, Output = Input> extends StandardSchemaV1.Props<Input, Output> {
    readonly jsonSchema: Converter;
  }
  interface Converter {
    readonly input: (options: Options) => Record<string, unknown>;
    readonly output: (options: Options) => Record<string, unknown>;
  }
  /** This package writes "draft-2020-12" and "draft-07"; any other target throws a `TypeError`. */
  type Target = "draft-2020-12" | "draft-07" | "openapi-3.0" | ({} & string);
  interface Options {
    readonly target: Target;
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }
}
export interface StandardJSONSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardJSONSchemaV1.Props<Input, Output>;
}

/** One record's result in a batch: its position (and NDJSON line) with the safeParse result. */
export type BatchItem<T> = SafeParseResult<T> & {
  /** Position in the batch, from 0. */
  index: number;
  /** Line number, for NDJSON input (safeParseNdjson and the streaming API). */
  line?: number;
};

/** Counts over a batch. Paths are keys joined by "." with indexes as "[*]" ("tags[*]"); the record is "". */
export interface BatchSummary {
  total: number;
  valid: number;
  invalid: number;
  /** Records with at least one warning. */
  warned: number;
  /** Issue counts by path and code, most frequent first. */
  issues: { path: string; code: Issue["code"]; count: number }[];
  /**
   * Issues at `address.postalCode` and `address.state` by the address's country
   * (alpha-2; null when the address names no known country), most first. Absent
   * when there are none.
   */
  countries?: { country: string | null; postalCode: number; state: number }[];
}

/**
 * The result of `safeParseMany`: one item per record and a summary. `error` is
 * set (and `results` empty) only when the input as a whole is not a list: a
 * JSON text that does not parse or is not an array, or a value that is not an array.
 */
export interface BatchResult<T> {
  results: BatchItem<T>[];
  summary: BatchSummary;
  error?: { issues: Issue[] };
}

/** `toJSONSchema` options. */
export interface JSONSchemaOptions {
  /** "output" (default): the normalised record; "input": what may be given (structure only). */
  io?: "input" | "output";
  target?: "draft-2020-12" | "draft-07";
  /** "strict" closes the objects (additionalProperties: false); default "strip". */
  unknownKeys?: "strip" | "strict" | "passthrough";
}

/**
 * A schema: `T` is the normalised record (the output), `Input` what may be
 * sent (the type Standard Schema clients check their input against).
 */
export interface Schema<T, Input = unknown> extends StandardSchemaV1<Input, T>, StandardJSONSchemaV1<Input, T> {
  /**
   * The same schema with `options` bound: every call (and `~standard.validate`,
   * which has no other way to get them) uses them; options given to a call
   * are added over them. A bad option throws a `TypeError` here, naming it.
   */
  withOptions(options: ParseOptions): Schema<T, Input>;
  /**
   * Validates many records in one call: an array, or the JSON text of an
   * array (parsed by the validator, not by JavaScript). One bad record never
   * fails the others; but a JSON text is parsed whole first, and one that
   * holds an escaped lone surrogate or a number too large for a float is
   * "Not JSON" as a whole (`error`): pass the array for per-record issues.
   */
  safeParseMany(records: readonly unknown[] | string, options?: ParseOptions): BatchResult<T>;
  /** Validates NDJSON text: one record per line (blank lines skipped), lines numbered from `firstLine` (1). */
  safeParseNdjson(text: string, options?: ParseOptions, firstLine?: number): BatchResult<T>;
  /** A JSON Schema generated from the validator's own field tables. */
  toJSONSchema(options?: JSONSchemaOptions): Record<string, unknown>;
  /**
   * Validates and normalises `input`. Never throws for bad data; throws a
   * `TypeError` naming the option when `options` is invalid.
   */
  safeParse(input: unknown, options?: ParseOptions): SafeParseResult<T>;
  /**
   * Validates one record given as JSON text: a string, or UTF-8 bytes (a
   * `Uint8Array` or `Buffer`, a request body as received). The validator parses
   * it; text that is not JSON is one `invalid_format` issue (`format: "json"`)
   * at `[]`. Throws a `TypeError` only for a `text` of another type or bad options.
   */
  safeParseJson(text: string | Uint8Array, options?: ParseOptions): SafeParseResult<T>;
  /** Like `safeParse`, but returns the data or throws a `CustomerSchemaError`. */
  parse(input: unknown, options?: ParseOptions): T;
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: "customer-schema";
    /**
     * Synchronous. Uses the options bound by `withOptions`, with
     * `libraryOptions` (as `ParseOptions`) added over them.
     */
    readonly validate: (value: unknown, options?: StandardSchemaV1.Options | undefined) => StandardSchemaV1.Result<T>;
    readonly types?: StandardSchemaV1.Types<Input, T> | undefined;
    /** Standard JSON Schema v1: the input or output schema for a target. */
    readonly jsonSchema: StandardJSONSchemaV1.Converter;
  };
}

/** A full stored record: `id`, `createdAt` and `updatedAt` required. */
export declare const CustomerSchema: Schema<Customer, CustomerInput>;
/** A record to create: no `id`, timestamps or `channelId`; defaults applied. */
export declare const CreateCustomerSchema: Schema<CreateCustomer, CreateCustomerInput>;
/** A partial update: `id` required, everything else optional, no defaults. */
export declare const UpdateCustomerSchema: Schema<UpdateCustomer, UpdateCustomerInput>;

/** Zod 4's `flattenError` for this package's errors: issues at the record in `formErrors`, others under their first key. */
export declare function flattenError<T = unknown, U = string>(
  error: { issues: readonly Issue[] },
  mapIssue?: (issue: Issue) => U,
): { formErrors: U[]; fieldErrors: { [K in keyof T & string]?: U[] } & Record<string, U[] | undefined> };
/** A node of `treeifyError`'s tree. */
export interface ErrorTree<U = string> {
  errors: U[];
  properties?: Record<string, ErrorTree<U>>;
  items?: (ErrorTree<U> | undefined)[];
}
/** Zod 4's `treeifyError` for this package's errors: `{ errors, properties?, items? }` along each path. */
export declare function treeifyError<U = string>(error: { issues: readonly Issue[] }, mapIssue?: (issue: Issue) => U): ErrorTree<U>;

/** Form data as `fromFormData` takes it: a `FormData`, a `URLSearchParams`, `[name, value]` pairs, or an object of fields (repeated names as arrays). Values that are not text (files) are skipped. */
export type FormDataLike = Iterable<readonly [string, unknown]> | Readonly<Record<string, unknown>>;

/**
 * The record a form's data describes, shaped by the validator's field table:
 * `address.city`-style names nest, repeated `tags` collect, booleans
 * (`on`, `true`, …) and timestamps are read, `custom_fields` given whole is
 * JSON, an empty text is a field not given, and a scalar takes its first
 * entry. It shapes only: pass the record to `safeParse`. `schema` (default
 * `CreateCustomerSchema`) says which fields there are.
 */
export declare function fromFormData(data: FormDataLike, schema?: Schema<any, any>): Record<string, unknown>;

/**
 * The issues and warnings of `record` that concern the field at `path`
 * (`"address.city"` or `["address", "city"]`): its own, an enclosing
 * object's, the record's as a whole, and those of fields whose rules read it
 * (the phone number when the address's country changes). For checking a field
 * as the user leaves it. A bad path, schema or option throws a `TypeError`.
 */
export declare function validateField(
  schema: Schema<any, any>,
  path: string | readonly (string | number)[],
  record: unknown,
  options?: ParseOptions,
): { issues: Issue[]; warnings: Issue[] };

/** A schema over form data (see `formSchema`). */
export interface FormSchema<T> extends StandardSchemaV1<Record<string, string | File | (string | File)[]>, T> {
  safeParse(data: FormDataLike, options?: ParseOptions): SafeParseResult<T>;
  parse(data: FormDataLike, options?: ParseOptions): T;
}
/** Structurally, the `File` of a form (declared so that no DOM types are needed). */
export interface File {
  readonly name: string;
  readonly size: number;
}
/**
 * The same schema, reading form data: `fromFormData` first, then the
 * schema. For validators handed a form's fields as an object, such as
 * Hono's `"form"` target, which keeps `address.city` as a flat key.
 */
export declare function formSchema<T>(schema: Schema<T, any>): FormSchema<T>;

/** Thrown by `parse`; its message lists every issue. */
export declare class CustomerSchemaError extends Error {
  constructor(issues: Issue[], warnings?: Issue[]);
  readonly name: "CustomerSchemaError";
  readonly issues: Issue[];
  readonly warnings: Issue[];
}

// Node.js only (the "node" condition of the package's exports): streaming
// NDJSON validation. Declared here so Node users get types; absent in the
// browser build.

/** Bytes or text: a Node readable stream, or any (async) iterable of chunks. */
export type TextSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

export interface StreamOptions extends ParseOptions {
  /** Lines per call into the validator (default 1000). */
  chunkLines?: number;
}

/** Cuts a stream into chunks of whole lines (Node only). */
export declare function ndjsonChunks(
  source: TextSource,
  options?: { chunkLines?: number },
): AsyncGenerator<{ text: string; firstLine: number; lines: number }>;
/** Validates NDJSON chunk by chunk, with flat memory (Node only). */
export declare function validateNdjsonChunks<T>(source: TextSource, schema: Schema<T>, options?: StreamOptions): AsyncGenerator<BatchResult<T>>;
/** Validates NDJSON record by record; each result has its `line` (Node only). */
export declare function validateNdjson<T>(source: TextSource, schema: Schema<T>, options?: StreamOptions): AsyncGenerator<BatchItem<T>>;
/** Decodes bytes as strict UTF-8 (bad bytes or UTF-16 throw an InputError) (Node only). */
export declare function decodeUtf8(source: TextSource): AsyncGenerator<string>;
/** Adds a batch summary into a running one (Node only). */
export declare function mergeSummary(into: BatchSummary | undefined, summary: BatchSummary): BatchSummary;
/** What {@link checkNdjsonBytes} gives for a chunk of UTF-8: everything as bytes ready to be written. */
export interface CheckedChunk {
  /** The chunk's counts (add them up with {@link mergeSummary}). */
  summary: BatchSummary;
  /** The invalid records, as a report file's JSON array members: each `,\n{"line":…,"issues":[…],"warnings":[…]}` (drop the first comma of a file's first). */
  report: Uint8Array;
  /** With `out: true`, the normalised valid records as NDJSON (one per line); else empty. */
  out: Uint8Array;
}
/**
 * A file check's chunk of NDJSON, bytes in and bytes out, as the
 * `customer-schema check` command runs it (Node only): whole lines, the
 * first numbered `firstLine` (default 1). Bytes that are not UTF-8 give
 * `{ notUtf8At }`, the offset of the first bad byte in the chunk.
 */
export declare function checkNdjsonBytes(
  bytes: Uint8Array,
  schema: Schema<unknown>,
  how?: { firstLine?: number; out?: boolean; options?: ParseOptions },
): CheckedChunk | { notUtf8At: number };
/** Input that is not readable text (bad UTF-8, UTF-16, a line too long): thrown by the streaming API (Node only). */
export declare class InputError extends Error {
  constructor(message: string, code: string);
  readonly name: "InputError";
  readonly code: "ENCODING" | "LINE_TOO_LONG" | string;
}

/**
 * Express/Connect middleware (Node only): validates `req.body` with `schema`
 * (a raw body, bytes or text from `express.raw()`/`express.text()`, as JSON
 * text the validator parses; a parsed one as it is); on success replaces it
 * with the normalised record (warnings in
 * `req.validationWarnings`) and calls `next()`, else answers `status` (422)
 * with `{ error: { issues }, warnings }`.
 */
export declare function validateBody<T>(
  schema: Schema<T>,
  settings?: { status?: number; parseOptions?: ParseOptions },
): (req: { body?: unknown; validationWarnings?: Issue[] }, res: { statusCode: number; setHeader(name: string, value: string): unknown; end(body: string): unknown }, next: () => void) => void;

/** What Fastify hands a validator compiler. */
export interface FastifyRouteSchema {
  schema: unknown;
  method?: string;
  url?: string;
  httpPart?: string;
}
/** A Fastify validator compiler. */
export type FastifyValidatorCompiler = (route: FastifyRouteSchema) => (data: unknown) => unknown;
/**
 * A Fastify validator compiler (Node only) for routes whose `schema.body`
 * (…) is one of the package's schemas (or any Standard Schema): its
 * `~standard.validate` runs, the part becomes the normalised record, and
 * an invalid one is Fastify's 400, with the issues in `error.validation`.
 * Other schemas go to `fallback`; without one they are refused.
 */
export declare function customerSchemaValidatorCompiler(fallback?: FastifyValidatorCompiler): FastifyValidatorCompiler;
/**
 * The Fastify plugin (Node only): `app.register(fastifyCustomerSchema, { fallback?, rawJson? })`
 * sets that compiler for the app and, unless `rawJson` is `false`, reads
 * `application/json` bodies as bytes for routes whose body schema is one of
 * the package's (parsed and validated in one `safeParseJson`); other routes
 * keep Fastify's JSON parser.
 */
export declare function fastifyCustomerSchema(
  fastify: { setValidatorCompiler(compiler: FastifyValidatorCompiler): unknown },
  options?: { fallback?: FastifyValidatorCompiler; rawJson?: boolean },
  done?: (error?: Error) => void,
): void;

/** A language of ISO 639-1, as the module knows it. */
export interface Language {
  /** The ISO 639-1 code (`"en"`): the value `preferred_language` is normalised to. */
  readonly code: string;
  /** Its English name (`"English"`). */
  readonly name: string;
}

/** A country of ISO 3166-1, as the module knows it. */
export interface Country {
  /** The alpha-2 code (`"US"`): the value `address.country` is normalised to. */
  readonly alpha2: string;
  /** The alpha-3 code (`"USA"`). */
  readonly alpha3: string;
  /** The ISO English short name (`"United States"`). */
  readonly name: string;
}

/**
 * Every IANA time zone name the module accepts (links included), in the
 * database's spelling: suggestions for a `timezone` input. Read from the
 * module once; the same frozen array on every call.
 */
export declare function timeZones(): readonly string[];
/** The IANA tz database release those names come from (e.g. `"2025b"`). */
export declare function tzdataVersion(): string;
/**
 * The libphonenumber metadata release the phone numbering plans come from
 * (e.g. `"9.0.43"`), as released in Google's Python port `phonenumbers`.
 */
export declare function phoneMetadataVersion(): string;
/**
 * The ISO 639-1 languages the module accepts (frozen, cached), named in
 * `locale`'s language (CLDR's names; English by default; a locale whose
 * catalogue is not loaded yet falls back, see `loadLocale`).
 */
export declare function languages(locale?: string): readonly Language[];
/**
 * The ISO 3166-1 countries the module accepts (frozen, cached), named in
 * `locale`'s language (CLDR's names; English, the ISO short names, by default).
 */
export declare function countries(locale?: string): readonly Country[];
/**
 * Makes the messages of `locale` (a BCP 47 tag) available to the `locale`
 * option: loads the catalogue it falls back to (`"de-AT"` → `"de"`) and
 * resolves to that catalogue's tag (`"en"`, built in, needs no loading). In
 * the browser each language is a separate module fetched on demand; the Node
 * entry has them all already. A malformed tag is a `TypeError`.
 */
export declare function loadLocale(locale: string): Promise<string>;
/** The values of the enumerations, in the module's order (frozen, cached). */
export declare function enumValues(): {
  readonly preferred_contact_method: readonly PreferredContactMethod[];
  readonly best_time_to_call: readonly BestTimeToCall[];
};

/** How a country writes its postal codes (Google's address metadata). */
export interface PostalCodeFormat {
  /** The country, alpha-2 (`"US"`). */
  readonly country: string;
  /** What the data calls its codes: `"zip"` (US), `"pin"` (IN), `"eircode"` (IE), else `"postal"`. */
  readonly kind: "zip" | "postal" | "pin" | "eircode";
  /** Example codes as the country writes them (`["95014", "22162-1010"]`): placeholders. The data's first two, then the first of each other layout. */
  readonly examples: readonly string[];
  /**
   * The data's pattern: a code, trimmed and upper-cased, must match it as a
   * whole (the module matches compiled tables, not this text).
   */
  readonly pattern: string;
}
/** A subdivision `address.state` may name. */
export interface Subdivision {
  /** What `state` is normalised to (`"CA"`, `"東京都"`). */
  readonly key: string;
  /** Its name in the country's main language (`"California"`). */
  readonly name: string;
  /** Its name in Latin letters, where the data has one (`"Tokyo"`). */
  readonly latinName?: string;
  /** Its ISO 3166-2 code, where the data has one (`"US-CA"`). */
  readonly isoCode?: string;
}
/**
 * The postal-code format of a country (alpha-2, alpha-3 or English name, as
 * `address.country` takes it), or `null` where it has none (or the string
 * names no country). Throws a `TypeError` if `country` is not a string.
 */
export declare function postalCodeFormat(country: string): PostalCodeFormat | null;
/**
 * The subdivisions `address.state` must name in a country (frozen), in the
 * data's order; empty where `state` is free text. Throws a `TypeError` if
 * `country` is not a string.
 */
export declare function subdivisions(country: string): readonly Subdivision[];

/** The kind of line a valid number is, as libphonenumber names it. */
export type PhoneType =
  | "MOBILE"
  | "FIXED_LINE"
  | "FIXED_LINE_OR_MOBILE"
  | "TOLL_FREE"
  | "PREMIUM_RATE"
  | "SHARED_COST"
  | "VOIP"
  | "PERSONAL_NUMBER"
  | "PAGER"
  | "UAN"
  | "VOICEMAIL";
/** What `parsePhone` knows about a valid number. */
export interface PhoneInfo {
  /** `"+14155552671"` */
  e164: string;
  /** The country calling code: `1`. */
  countryCode: number;
  /** ISO 3166-1 alpha-2 region of the number's plan; `null` for non-geographic codes (`+800`). */
  region: string | null;
  type: PhoneType;
  /** As written within its country, by libphonenumber's formats: `"(415) 555-2671"`. */
  national: string;
  /** `"+1 415-555-2671"` */
  international: string;
}
/**
 * Checks one phone number with exactly the `phone_number` rule of the schemas
 * (trimmed; without `+`, read as a national number of `defaultRegion` when
 * given, else as international digits). Never throws on data; a bad
 * `defaultRegion` throws a `TypeError`.
 */
export declare function parsePhone(
  input: unknown,
  options?: Pick<ParseOptions, "defaultRegion" | "locale" | "messages">,
): SafeParseSuccess<PhoneInfo> | SafeParseFailure;
/**
 * A valid phone number (E.164, or any spelling `parsePhone` reads without a
 * region) written as libphonenumber writes it: `"national"` (`020 7946 0958`),
 * `"international"` (`+44 20 7946 0958`) or `"rfc3966"`
 * (`tel:+44-20-7946-0958`). `null` when it is not a valid number; a bad
 * `format` throws a `TypeError`.
 */
export declare function formatPhone(
  number: string,
  format: "national" | "international" | "rfc3966",
): string | null;
/** An as-you-type formatter (see `phoneAsYouType`). */
export interface PhoneAsYouType {
  /**
   * Types one more character; returns the text to show, as libphonenumber's
   * `AsYouTypeFormatter` shows it: `"6"`, `"65"`, `"650"`, `"650-2"`, …,
   * `"(650) 253-0000"`. Digits and a leading `+` are formatted; after any
   * other character the text is shown as typed.
   */
  input(char: string): string;
  /** Forgets what was typed. */
  reset(): void;
  /**
   * A phone input's current text formatted anew from its digits (and a
   * leading `+`), for an input the user edits anywhere; text with letters
   * or other marks comes back as it is. Leaves what `input` typed alone.
   */
  format(text: string): string;
  /** What `input` was given since the last `reset`. */
  readonly typed: string;
}
/**
 * Formats a phone number as it is typed, in `region`: what the
 * `defaultRegion` option takes (ISO 3166-1 alpha-2 in any case, `AC`, `TA`)
 * or a country as `address.country` takes it (`"GBR"`, `"United Kingdom"`);
 * without one, only numbers typed with `+` are formatted. A region it does
 * not know throws a `TypeError`. Display only: store what `parsePhone`
 * gives (E.164).
 */
export declare function phoneAsYouType(region?: string | null): PhoneAsYouType;
