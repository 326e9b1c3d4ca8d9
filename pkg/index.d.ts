// The package's API surface. The data types are generated from the Rust types
// by tsify (scripts/build.sh writes them to dist/types.d.ts, without the
// wasm-bindgen loader's declarations, which need the DOM lib) and only
// re-exported here.
import type {
  Customer,
  CreateCustomer,
  UpdateCustomer,
  Issue,
  ParseOptions,
  PreferredContactMethod,
  BestTimeToCall,
} from "./dist/types.js";

export type {
  Customer,
  CreateCustomer,
  UpdateCustomer,
  Address,
  PreferredContactMethod,
  BestTimeToCall,
  Issue,
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
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
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

export interface Schema<T> extends StandardSchemaV1<unknown, T> {
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
  /** Like `safeParse`, but returns the data or throws a `CustomerSchemaError`. */
  parse(input: unknown, options?: ParseOptions): T;
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: "customer-schema";
    /** Synchronous; uses the default options. */
    readonly validate: (value: unknown) => StandardSchemaV1.Result<T>;
    readonly types?: StandardSchemaV1.Types<unknown, T> | undefined;
    /** Standard JSON Schema v1: the input or output schema for a target. */
    readonly jsonSchema: {
      readonly input: (options: { readonly target: "draft-2020-12" | "draft-07" }) => Record<string, unknown>;
      readonly output: (options: { readonly target: "draft-2020-12" | "draft-07" }) => Record<string, unknown>;
    };
  };
}

/** A full stored record: `id`, `createdAt` and `updatedAt` required. */
export declare const CustomerSchema: Schema<Customer>;
/** A record to create: no `id`, timestamps or `channelId`; defaults applied. */
export declare const CreateCustomerSchema: Schema<CreateCustomer>;
/** A partial update: `id` required, everything else optional, no defaults. */
export declare const UpdateCustomerSchema: Schema<UpdateCustomer>;

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
/** Input that is not readable text (bad UTF-8, UTF-16, a line too long): thrown by the streaming API (Node only). */
export declare class InputError extends Error {
  constructor(message: string, code: string);
  readonly name: "InputError";
  readonly code: "ENCODING" | "LINE_TOO_LONG" | string;
}

/**
 * Express/Connect middleware (Node only): validates `req.body` with `schema`;
 * on success replaces it with the normalised record (warnings in
 * `req.validationWarnings`) and calls `next()`, else answers `status` (422)
 * with `{ error: { issues }, warnings }`.
 */
export declare function validateBody<T>(
  schema: Schema<T>,
  settings?: { status?: number; parseOptions?: ParseOptions },
): (req: { body?: unknown; validationWarnings?: Issue[] }, res: { statusCode: number; setHeader(name: string, value: string): unknown; end(body: string): unknown }, next: () => void) => void;

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
/** The ISO 639-1 languages the module accepts (frozen, cached). */
export declare function languages(): readonly Language[];
/** The ISO 3166-1 countries the module accepts (frozen, cached). */
export declare function countries(): readonly Country[];
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
  /** Example codes as the country writes them (`["95014", "22162-1010"]`): placeholders. */
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
}
/**
 * Checks one phone number with exactly the `phone_number` rule of the schemas
 * (trimmed; without `+`, read as a national number of `defaultRegion` when
 * given, else as international digits). Never throws on data; a bad
 * `defaultRegion` throws a `TypeError`.
 */
export declare function parsePhone(
  input: unknown,
  options?: Pick<ParseOptions, "defaultRegion">,
): SafeParseSuccess<PhoneInfo> | SafeParseFailure;
