// The package's API surface. The data types are generated from the Rust types
// by tsify into dist/customer_schema.d.ts and only re-exported here.
import type {
  Customer,
  CreateCustomer,
  UpdateCustomer,
  Issue,
  ParseOptions,
  PreferredContactMethod,
  BestTimeToCall,
} from "./dist/customer_schema.js";

export type {
  Customer,
  CreateCustomer,
  UpdateCustomer,
  Address,
  PreferredContactMethod,
  BestTimeToCall,
  Issue,
  ParseOptions,
} from "./dist/customer_schema.js";

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

export interface Schema<T> extends StandardSchemaV1<unknown, T> {
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
