// Types of customer-schema/hono (they name Hono's own types: install hono).
import type { Context, Env, MiddlewareHandler } from "hono";
import type { Schema, SafeParseResult } from "./index.js";

/**
 * A Hono middleware validating a JSON body with one of the package's
 * schemas, from the body's bytes (`safeParseJson`): `c.req.valid("json")`
 * is the normalised record, and an invalid body (or one that is not
 * `application/json`) is answered 400 with `{ success: false, error }`.
 * `hook` sees every result first; a Response it returns is the answer.
 */
export declare function jsonValidator<T, Input, E extends Env = any, P extends string = string>(
  schema: Schema<T, Input>,
  hook?: (result: SafeParseResult<T>, c: Context<E, P>) => Response | void | Promise<Response | void>,
): MiddlewareHandler<E, P, { in: { json: Input }; out: { json: T } }>;
