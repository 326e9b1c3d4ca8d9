// Express (and Connect) middleware: validates the parsed JSON body with a
// schema, replaces it with the normalised record, or answers 422 with every
// issue. Only shapes are adapted here; the rules are the schema's.

/**
 * @param {{ safeParse: Function }} schema  CustomerSchema, CreateCustomerSchema or UpdateCustomerSchema
 * @param {{ status?: number, parseOptions?: object }} [settings]
 */
export function validateBody(schema, { status = 422, parseOptions } = {}) {
  /**
   * @param {{ body: unknown, validationWarnings?: unknown }} req
   * @param {import("node:http").ServerResponse} res
   * @param {() => void} next
   */
  return function customerSchemaBody(req, res, next) {
    const result = schema.safeParse(req.body, parseOptions);
    if (result.success) {
      req.body = result.data;
      req.validationWarnings = result.warnings;
      next();
      return;
    }
    res.statusCode = status;
    res.setHeader("content-type", "application/json; charset=utf-8");
    res.end(JSON.stringify({ error: { issues: result.error.issues }, warnings: result.warnings }));
  };
}
