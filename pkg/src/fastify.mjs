// Fastify (Node only): the package's own validation as Fastify's route
// validation. A route's `schema.body` (or `querystring`, `params`,
// `headers`) may be any of the package's schemas, or any other Standard
// Schema; the validator compiler runs its `~standard.validate`, so the
// handler gets the normalised record and no Ajv coerces, defaults or strips
// anything first. The plugin also reads a JSON body's bytes for routes whose
// body schema is one of the package's: its `safeParseJson` parses them in
// WebAssembly, so no JavaScript object is built first. Only shapes are
// adapted here; the rules are the schema's.

/**
 * @typedef {{ "~standard": { validate: (value: unknown) => unknown } }} StandardSchemaLike
 * @typedef {{ schema: unknown, method?: string, url?: string, httpPart?: string }} RouteSchema
 * @typedef {(route: RouteSchema) => (data: unknown) => unknown} ValidatorCompiler
 */

/** @param {unknown} schema  @returns {schema is StandardSchemaLike} */
function isStandardSchema(schema) {
  const standard = typeof schema === "object" && schema !== null ? /** @type {any} */ (schema)["~standard"] : undefined;
  return typeof standard === "object" && standard !== null && typeof standard.validate === "function";
}

/**
 * A JSON body, still bytes: what the plugin's content-type parser hands a
 * route whose body schema has `safeParseJson`.
 */
class RawJsonBody {
  /** @param {Uint8Array} bytes */
  constructor(bytes) {
    this.bytes = bytes;
  }
}

/** @param {unknown} schema  @returns {schema is { safeParseJson: (bytes: Uint8Array) => any }} */
const readsJsonBytes = (schema) => typeof schema === "object" && schema !== null && typeof /** @type {any} */ (schema).safeParseJson === "function";

/** @param {{ path?: readonly unknown[] }} issue */
const pointer = (issue) => (issue.path ?? []).map((key) => `/${String(key)}`).join("");

/**
 * A Fastify validator compiler: Standard Schemas (the package's schemas)
 * are validated by their own `validate`; any other schema goes to
 * `fallback` (for example an Ajv compiler), or is refused when there is none.
 * @param {ValidatorCompiler} [fallback]
 * @returns {ValidatorCompiler}
 */
export function customerSchemaValidatorCompiler(fallback) {
  return (route) => {
    const { schema } = route;
    if (!isStandardSchema(schema)) {
      if (fallback) return fallback(route);
      throw new TypeError(`customer-schema's validator compiler: ${route.method ?? ""} ${route.url ?? ""} ${route.httpPart ?? ""} has a schema that is not a Standard Schema; pass a fallback compiler for JSON Schemas`.replace(/ +/g, " "));
    }
    return (data) => {
      /** @type {any} */
      let result;
      if (data instanceof RawJsonBody && readsJsonBytes(schema)) {
        const parsed = schema.safeParseJson(data.bytes);
        result = parsed.success ? { value: parsed.data } : { issues: parsed.error.issues };
      } else {
        result = schema["~standard"].validate(data);
      }
      if (typeof result?.then === "function") throw new TypeError("customer-schema's validator compiler: asynchronous schemas are not supported");
      if (!result.issues) return { value: result.value };
      const issues = /** @type {{ path?: readonly unknown[], message: string }[]} */ (result.issues);
      // Fastify answers 400 with this message; `validation` holds the issues.
      const error = Object.assign(new Error(issues.map((issue) => `${pointer(issue) || "/"} ${issue.message}`).join(", ")), { validation: issues });
      return { error };
    };
  };
}

/**
 * @typedef {(request: any, body: any, done: (error: Error | null, body?: unknown) => void) => void} BodyParser
 * @typedef {{
 *   setValidatorCompiler: (compiler: ValidatorCompiler) => unknown,
 *   removeContentTypeParser?: (type: string) => unknown,
 *   addContentTypeParser?: (type: string, options: { parseAs: "buffer" }, parser: BodyParser) => unknown,
 *   getDefaultJsonParser?: (onProto: "error", onConstructor: "error") => BodyParser,
 * }} FastifyLike
 */

/**
 * The Fastify plugin: `app.register(fastifyCustomerSchema, { fallback?, rawJson? })`
 * makes `customerSchemaValidatorCompiler(fallback)` the validator compiler
 * of the app (not only of the plugin's own scope). Unless `rawJson` is
 * `false`, it also takes over `application/json` bodies: a route whose body
 * schema is one of the package's gets the bytes, parsed and validated in
 * one `safeParseJson`; every other route gets Fastify's own JSON parser.
 * @param {FastifyLike} fastify
 * @param {{ fallback?: ValidatorCompiler, rawJson?: boolean }} [options]
 * @param {(error?: Error) => void} [done]
 */
export function fastifyCustomerSchema(fastify, options, done) {
  fastify.setValidatorCompiler(customerSchemaValidatorCompiler(options?.fallback));
  if (options?.rawJson !== false && fastify.addContentTypeParser && fastify.removeContentTypeParser && fastify.getDefaultJsonParser) {
    const fastifyJson = fastify.getDefaultJsonParser("error", "error");
    fastify.removeContentTypeParser("application/json");
    fastify.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, parsed) => {
      if (readsJsonBytes(request.routeOptions?.schema?.body)) {
        parsed(null, new RawJsonBody(body));
      } else {
        fastifyJson(request, body.toString("utf8"), parsed);
      }
    });
  }
  done?.();
}
// Fastify's own marker (what the fastify-plugin package sets): apply to the
// parent scope instead of an encapsulated child.
Object.assign(fastifyCustomerSchema, { [Symbol.for("skip-override")]: true });
