// customer-schema/hono: a Hono middleware that validates a JSON body with
// one of the package's schemas, from the body's bytes: `safeParseJson`
// parses and validates them in the WebAssembly module, so no JavaScript
// object is built from the body first. Shapes only: the rules, the issues
// and their messages are the schema's. Works wherever Hono runs.

const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json(;|$)/i;

/**
 * @template T
 * @param {{ safeParse: (input: unknown) => any, safeParseJson: (bytes: Uint8Array) => any }} schema
 *   CustomerSchema, CreateCustomerSchema or UpdateCustomerSchema (or one from their withOptions)
 * @param {(result: any, c: any) => unknown} [hook]  sees every result first; a Response it returns is the answer
 */
export function jsonValidator(schema, hook) {
  if (typeof schema?.safeParseJson !== "function") throw new TypeError("jsonValidator: schema must be one of customer-schema's schemas");
  if (hook !== undefined && typeof hook !== "function") throw new TypeError("jsonValidator: hook must be a function");
  /**
   * @param {any} c  Hono's Context
   * @param {() => Promise<void>} next
   */
  return async (c, next) => {
    // A body that is not JSON is no record: the schema says so for an absent one.
    const type = c.req.header("content-type") ?? "";
    const result = JSON_TYPE.test(type) ? schema.safeParseJson(new Uint8Array(await c.req.arrayBuffer())) : schema.safeParse(undefined);
    if (hook) {
      const answer = await hook(result, c);
      if (answer instanceof Response) return answer;
    }
    if (!result.success) return c.json({ success: false, error: result.error }, 400);
    c.req.addValidatedData("json", result.data);
    await next();
  };
}
