// The package in real frameworks, over real HTTP on 127.0.0.1:
// - Express with the package's validateBody middleware;
// - Hono with @hono/standard-validator, taking CreateCustomerSchema as a
//   Standard Schema with no adapter;
// - Fastify with its JSON Schema route validation fed by the package's input
//   JSON Schema (structure: 400), then safeParse for the rules (422).
import { test } from "node:test";
import assert from "node:assert/strict";
import express from "express";
import { Hono } from "hono";
import { serve } from "@hono/node-server";
import { sValidator } from "@hono/standard-validator";
import Fastify from "fastify";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { CreateCustomerSchema, validateBody, formSchema, fastifyCustomerSchema } from "customer-schema";
import { jsonValidator } from "customer-schema/hono";

const jane = { firstname: "  Jane ", lastname: "Doe", email: "Jane.Doe@EXAMPLE.com", phone_number: "(415) 555-2671", preferred_contact_method: "sms" };
const janeNormalised = CreateCustomerSchema.parse(jane, { defaultRegion: "US" });

async function post(base, body, type = "application/json") {
  const response = await fetch(`${base}/customers`, {
    method: "POST",
    headers: { "content-type": type },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

test("Express: validateBody replaces the body with the normalised record, or answers 422 with the issues", async (t) => {
  const app = express();
  app.post("/customers", express.json(), validateBody(CreateCustomerSchema, { parseOptions: { defaultRegion: "US" } }), (req, res) => {
    res.status(201).json({ saved: req.body, warnings: req.validationWarnings });
  });
  const server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  t.after(() => server.close());
  const base = `http://127.0.0.1:${server.address().port}`;

  const ok = await post(base, jane);
  assert.equal(ok.status, 201);
  assert.deepEqual(ok.body.saved, janeNormalised);
  assert.equal(ok.body.saved.phone_number, "+14155552671");
  assert.deepEqual(ok.body.warnings, CreateCustomerSchema.safeParse(jane, { defaultRegion: "US" }).warnings);

  const bad = await post(base, { email: "nope", tags: ["", "x"] });
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.body.error.issues, CreateCustomerSchema.safeParse({ email: "nope", tags: ["", "x"] }).error.issues);

  const notJson = await post(base, "firstname=Jane", "application/x-www-form-urlencoded");
  assert.equal(notJson.status, 422, "no JSON body: one invalid_type issue at the root");
  assert.equal(notJson.body.error.issues[0].code, "invalid_type");
});

test("Express with a raw body: validateBody hands the bytes to the validator as JSON text, unparsed by JavaScript", async (t) => {
  const app = express();
  app.post("/customers", express.raw({ type: "application/json" }), validateBody(CreateCustomerSchema, { parseOptions: { defaultRegion: "US" } }), (req, res) => {
    res.status(201).json({ saved: req.body });
  });
  const server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  t.after(() => server.close());
  const base = `http://127.0.0.1:${server.address().port}`;
  const ok = await post(base, jane);
  assert.equal(ok.status, 201);
  assert.deepEqual(ok.body.saved, janeNormalised);
  const broken = await post(base, '{"firstname": "Jane",}');
  assert.equal(broken.status, 422);
  assert.deepEqual(broken.body.error.issues.map((i) => [i.code, i.format, i.path.length]), [["invalid_format", "json", 0]]);
});

test("Hono: @hono/standard-validator takes CreateCustomerSchema as a Standard Schema", async (t) => {
  const app = new Hono();
  app.post("/customers", sValidator("json", CreateCustomerSchema), (c) => c.json({ saved: c.req.valid("json") }, 201));
  app.post(
    "/strict",
    sValidator("json", CreateCustomerSchema, (result, c) => {
      if (!result.success) return c.json({ issues: /** @type {{ error: unknown }} */ (result).error }, 422);
    }),
    (c) => c.json({ saved: c.req.valid("json") }, 201),
  );
  const server = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  t.after(() => server.close());
  const base = `http://127.0.0.1:${server.address().port}`;

  const input = { ...jane, phone_number: "+1 415 555 2671" };
  const ok = await post(base, input);
  assert.equal(ok.status, 201);
  assert.deepEqual(ok.body.saved, CreateCustomerSchema.parse(input));

  const bad = await post(base, { email: "nope" });
  assert.equal(bad.status, 400, "the middleware's default answer");
  assert.equal(bad.body.success, false);
  assert.deepEqual(bad.body.error, CreateCustomerSchema.safeParse({ email: "nope" }).error.issues);

  const hooked = await fetch(`${base}/strict`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"email":"nope"}' });
  assert.equal(hooked.status, 422);
  assert.equal((await hooked.json()).issues[0].path[0], "email");
});

test("Hono: customer-schema/hono's jsonValidator validates the body's bytes with safeParseJson", async () => {
  const US = CreateCustomerSchema.withOptions({ defaultRegion: "US" });
  const app = new Hono().post("/customers", jsonValidator(US), (c) => c.json({ saved: c.req.valid("json") }, 201));
  app.post(
    "/hooked",
    jsonValidator(CreateCustomerSchema, (result, c) => {
      if (!result.success) return c.json({ issues: result.error.issues }, 422);
    }),
    (c) => c.json({ saved: c.req.valid("json") }, 201),
  );
  /** @param {string} path  @param {BodyInit} body  @param {string} [type] */
  const send = async (path, body, type = "application/json") => {
    const response = await app.request(path, { method: "POST", headers: { "content-type": type }, body });
    return { status: response.status, body: await response.json() };
  };
  const ok = await send("/customers", JSON.stringify(jane));
  assert.deepEqual([ok.status, ok.body.saved], [201, janeNormalised], "bound options apply");
  const bad = await send("/customers", '{"email":"nope"}');
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.body.error.issues, CreateCustomerSchema.safeParse({ email: "nope" }).error.issues);
  // Bytes that are not UTF-8 are the record's issue (a text decoder would have made them U+FFFD).
  const latin1 = Buffer.from([...Buffer.from('{"firstname":"J'), 0xe9, ...Buffer.from('ne"}')]);
  const notUtf8 = await send("/customers", new Blob([latin1]));
  assert.equal(notUtf8.status, 400);
  assert.deepEqual(notUtf8.body.error.issues, CreateCustomerSchema.safeParseJson(latin1).error.issues);
  const notJson = await send("/customers", "firstname=Jane", "application/x-www-form-urlencoded");
  assert.equal(notJson.status, 400);
  assert.deepEqual(notJson.body.error.issues, CreateCustomerSchema.safeParse(undefined).error.issues, "no JSON body: the schema's issue for a missing record");
  const hooked = await send("/hooked", '{"email":"nope"}');
  assert.equal(hooked.status, 422);
  assert.equal(hooked.body.issues[0].path[0], "email");
  assert.throws(() => jsonValidator(/** @type {any} */ ({})), TypeError);
});

test("Fastify: the package's JSON Schema validates the route's structure, safeParse the rules", async (t) => {
  // ajv and ajv-formats declare `export default` in CommonJS modules: under
  // nodenext tsc types their default imports as the modules, whose `default`
  // is (at run time too) the same class and function.
  const ajv = new Ajv2020.default({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const app = Fastify();
  app.setValidatorCompiler(({ schema }) => ajv.compile(schema));
  app.post(
    "/customers",
    { schema: { body: CreateCustomerSchema.toJSONSchema({ io: "input", unknownKeys: "strict" }) } },
    async (request, reply) => {
      const result = CreateCustomerSchema.safeParse(request.body, { defaultRegion: "US", unknownKeys: "strict" });
      if (!result.success) return reply.code(422).send({ error: { issues: result.error.issues } });
      return reply.code(201).send({ saved: result.data });
    },
  );
  await app.listen({ port: 0, host: "127.0.0.1" });
  t.after(() => app.close());
  const base = `http://127.0.0.1:${/** @type {import("node:net").AddressInfo} */ (app.server.address()).port}`;

  const ok = await post(base, jane);
  assert.equal(ok.status, 201);
  assert.deepEqual(ok.body.saved, janeNormalised);

  const wrongType = await post(base, { firstname: 42 });
  assert.equal(wrongType.status, 400, "structure is Fastify's JSON Schema validation");
  assert.match(wrongType.body.message, /body\/firstname must be string,null/);

  const unknownKey = await post(base, { firstname: "A", customerGroupId: "g1" });
  assert.equal(unknownKey.status, 400, "strict: additionalProperties false");

  const badPhone = await post(base, { firstname: "A", phone_number: "call 415-555-2671 now" });
  assert.equal(badPhone.status, 422, "the phone rule is the package's, past the schema");
  assert.equal(badPhone.body.error.issues[0].path[0], "phone_number");
});

test("Hono's form target: formSchema reads dotted names and repeated tags, so the address is not lost", async () => {
  const app = new Hono();
  app.post("/customers", sValidator("form", formSchema(CreateCustomerSchema)), (c) => c.json({ saved: c.req.valid("form") }, 201));
  const body = new URLSearchParams([
    ["firstname", " Jane "],
    ["address.street", "1 Market St"],
    ["address.city", "San Francisco"],
    ["address.state", "CA"],
    ["address.postalCode", "94105"],
    ["address.country", "usa"],
    ["tags", "vip"],
    ["tags", "new"],
  ]);
  const response = await app.request("/customers", { method: "POST", body });
  assert.equal(response.status, 201);
  const { saved } = await response.json();
  assert.deepEqual(saved.address, { street: "1 Market St", city: "San Francisco", state: "CA", postalCode: "94105", country: "US" });
  assert.deepEqual(saved.tags, ["vip", "new"]);
  const bad = await app.request("/customers", { method: "POST", body: new URLSearchParams([["address.city", "X"]]) });
  assert.equal(bad.status, 400);
});

test("Fastify plugin: the schema is the route's validation (no Ajv coercion, defaults or stripping before it)", async (t) => {
  const app = Fastify();
  await app.register(fastifyCustomerSchema);
  const Strict = CreateCustomerSchema.withOptions({ defaultRegion: "US", unknownKeys: "strict" });
  app.post("/customers", { schema: { body: Strict } }, async (request, reply) => reply.code(201).send({ saved: request.body }));
  await app.listen({ port: 0, host: "127.0.0.1" });
  t.after(() => app.close());
  const base = `http://127.0.0.1:${/** @type {import("node:net").AddressInfo} */ (app.server.address()).port}`;

  const ok = await post(base, jane);
  assert.equal(ok.status, 201);
  assert.deepEqual(ok.body.saved, janeNormalised, "the handler gets the normalised record");
  for (const [body, path] of [[{ email: 5 }, "/email"], [{ tags: "vip" }, "/tags"], [{ firstname: "A", customerGroupId: "g1" }, "/"]]) {
    const refused = await post(base, body);
    assert.equal(refused.status, 400, JSON.stringify(body));
    assert.ok(refused.body.message.startsWith(`${path} `), refused.body.message);
  }
  const badPhone = await post(base, { phone_number: "call 415-555-2671 now" });
  assert.equal(badPhone.status, 400);
  assert.match(badPhone.body.message, /^\/phone_number Enter only the phone number/);
});

test("Fastify plugin: a JSON body reaches the package's schema as bytes (safeParseJson), other routes keep Fastify's JSON parser", async (t) => {
  const ajv = new Ajv2020.default({ strict: true });
  const app = Fastify();
  await app.register(fastifyCustomerSchema, { fallback: ({ schema }) => ajv.compile(/** @type {object} */ (schema)) });
  const US = CreateCustomerSchema.withOptions({ defaultRegion: "US" });
  app.post("/customers", { schema: { body: US } }, async (request, reply) => reply.code(201).send({ saved: request.body }));
  app.post("/plain", { schema: { body: { type: "object", properties: { x: { type: "string" } }, required: ["x"] } } }, async (request) => ({ got: request.body }));
  app.post("/free", async (request) => ({ got: request.body }));
  await app.listen({ port: 0, host: "127.0.0.1" });
  t.after(() => app.close());
  const base = `http://127.0.0.1:${/** @type {import("node:net").AddressInfo} */ (app.server.address()).port}`;
  /** @param {string} path  @param {string | Blob} body */
  const send = async (path, body) => {
    const response = await fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body });
    return { status: response.status, body: await response.json() };
  };

  const ok = await send("/customers", JSON.stringify(jane));
  assert.equal(ok.status, 201);
  assert.deepEqual(ok.body.saved, janeNormalised, "the bound options apply on the bytes path too");
  // Bytes that are not UTF-8: a string decoder would have made them U+FFFD
  // and the name would pass; read as bytes, they are the record's issue.
  const latin1 = Buffer.from([...Buffer.from('{"firstname":"J'), 0xe9, ...Buffer.from('ne"}')]);
  const notUtf8 = await send("/customers", new Blob([latin1]));
  assert.equal(notUtf8.status, 400);
  assert.deepEqual(notUtf8.body.message, `/ ${US.safeParseJson(latin1).error.issues[0].message}`);
  const broken = await send("/customers", '{"firstname": "Jane",}');
  assert.equal(broken.status, 400);
  assert.match(broken.body.message, /^\/ /, "not JSON: one issue at the record");

  const plain = await send("/plain", '{"x":"y"}');
  assert.deepEqual([plain.status, plain.body], [200, { got: { x: "y" } }], "a JSON Schema route gets Fastify's parsed object");
  const free = await send("/free", '{"a":[1,2]}');
  assert.deepEqual([free.status, free.body], [200, { got: { a: [1, 2] } }]);
  const poisoned = await send("/free", '{"__proto__":{"x":1}}');
  assert.equal(poisoned.status, 400, "Fastify's own parser, with its prototype-poisoning check");
});

test("Fastify plugin: rawJson: false leaves JSON bodies to Fastify's parser", async () => {
  const app = Fastify();
  await app.register(fastifyCustomerSchema, { rawJson: false });
  app.post("/customers", { schema: { body: CreateCustomerSchema } }, async (request, reply) => reply.code(201).send({ saved: request.body }));
  const latin1 = Buffer.from([...Buffer.from('{"firstname":"J'), 0xe9, ...Buffer.from('ne"}')]);
  const decoded = await app.inject({ method: "POST", url: "/customers", headers: { "content-type": "application/json" }, payload: latin1 });
  assert.equal(decoded.statusCode, 201, "decoded as text first: the byte became U+FFFD, which a name may hold");
  assert.equal(decoded.json().saved.firstname, "J\ufffdne");
  await app.close();
});

test("Fastify plugin: other schemas go to the fallback compiler, and without one they are refused at startup", async () => {
  const ajv = new Ajv2020.default({ strict: true });
  const withFallback = Fastify();
  await withFallback.register(fastifyCustomerSchema, { fallback: ({ schema }) => ajv.compile(/** @type {object} */ (schema)) });
  withFallback.post("/plain", { schema: { body: { type: "object", properties: { x: { type: "string" } }, required: ["x"] } } }, async () => ({ ok: true }));
  const missing = await withFallback.inject({ method: "POST", url: "/plain", payload: {} });
  assert.equal(missing.statusCode, 400);
  await withFallback.close();

  const without = Fastify();
  await without.register(fastifyCustomerSchema);
  without.post("/plain", { schema: { body: { type: "object" } } }, async () => ({ ok: true }));
  await assert.rejects(async () => without.ready(), /not a Standard Schema/);
  await without.close();
});

test("Fastify's default Ajv with the draft-07 export: the documented settings keep it structural", async () => {
  const documented = { coerceTypes: false, removeAdditional: false, useDefaults: false };
  const routeSchema = { body: CreateCustomerSchema.toJSONSchema({ io: "input", target: "draft-07", unknownKeys: "strict" }) };
  /** @param {object | undefined} customOptions @param {object} payload */
  const answer = async (customOptions, payload) => {
    const app = Fastify(customOptions ? { ajv: { customOptions } } : {});
    app.post("/customers", { schema: routeSchema }, async (request) => ({ body: request.body }));
    const response = await app.inject({ method: "POST", url: "/customers", payload });
    await app.close();
    return { status: response.statusCode, body: response.json() };
  };
  // Fastify's defaults change the body before any handler sees it (why the settings matter)…
  const coerced = (await answer(undefined, { email: 5 })).body.body;
  assert.equal(coerced.email, "5", "coerceTypes");
  assert.equal(coerced.preferred_language, "en", "useDefaults");
  assert.deepEqual((await answer(undefined, { tags: "vip" })).body.body.tags, ["vip"], "coerceTypes: array");
  const stripped = await answer(undefined, { firstname: "A", customerGroupId: "g1" });
  assert.equal(stripped.status, 200, "removeAdditional: an unknown key is dropped, not refused");
  assert.equal(stripped.body.body.customerGroupId, undefined);
  // …and with the documented settings it only checks structure.
  for (const payload of [{ email: 5 }, { tags: "vip" }, { firstname: "A", customerGroupId: "g1" }]) {
    assert.equal((await answer(documented, payload)).status, 400, JSON.stringify(payload));
  }
  assert.deepEqual((await answer(documented, { firstname: " A " })).body.body, { firstname: " A " }, "no default filled in, nothing trimmed");
});
