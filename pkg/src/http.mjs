// Express (and Connect) middleware: validates the body with a schema,
// replaces it with the normalised record, or answers 422 with every issue.
// A raw body (express.raw() or express.text(): bytes or text) goes to the
// validator as JSON text, unparsed by JavaScript; a parsed one
// (express.json()) as the object it is. Only shapes are adapted here; the
// rules are the schema's.

/**
 * @param {{ safeParse: Function, safeParseJson: Function }} schema  CustomerSchema, CreateCustomerSchema or UpdateCustomerSchema
 * @param {{ status?: number, parseOptions?: object }} [settings]
 */
export function validateBody(schema, { status = 422, parseOptions } = {}) {
  /**
   * @param {{ body: unknown, validationWarnings?: unknown }} req
   * @param {import("node:http").ServerResponse} res
   * @param {() => void} next
   */
  return function customerSchemaBody(req, res, next) {
    const raw = typeof req.body === "string" || req.body instanceof Uint8Array;
    const result = raw ? schema.safeParseJson(req.body, parseOptions) : schema.safeParse(req.body, parseOptions);
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
