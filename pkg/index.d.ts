// The package's API surface. The data types are generated from the Rust types
// by tsify into dist/customer_schema.d.ts and only re-exported here.
import type {
  Customer,
  CreateCustomer,
  UpdateCustomer,
  Issue,
  ParseOptions,
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
