// The calls of clients.ts, run against the installed tarball (tests/package/run.mjs).
import assert from "node:assert/strict";
import { initTRPC, TRPCError } from "@trpc/server";
import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import { FormApi } from "@tanstack/form-core";
import { Hono } from "hono";
import { hc } from "hono/client";
import { sValidator } from "@hono/standard-validator";
import { jsonValidator } from "customer-schema/hono";
import { CreateCustomerSchema, UpdateCustomerSchema, formSchema } from "customer-schema";

const national = { firstname: " Jane ", phone_number: "(415) 555-2671" };

// tRPC: the bound region reaches validation; bad input is a BAD_REQUEST.
const t = initTRPC.create();
const router = t.router({
  create: t.procedure.input(CreateCustomerSchema.withOptions({ defaultRegion: "US" })).mutation(({ input }) => input),
  update: t.procedure.input(UpdateCustomerSchema).mutation(({ input }) => input),
});
const caller = t.createCallerFactory(router)({});
const created = await caller.create(national);
assert.equal(created.phone_number, "+14155552671");
assert.equal(created.firstname, "Jane");
assert.equal(created.preferred_language, "en");
await assert.rejects(caller.create(/** @type {any} */ (42)), (e) => e instanceof TRPCError && e.code === "BAD_REQUEST");
await assert.rejects(caller.update(/** @type {any} */ ({ firstname: "Jane" })), TRPCError);

// React Hook Form's resolver: values normalised, errors by field.
const resolver = standardSchemaResolver(CreateCustomerSchema.withOptions({ defaultRegion: "US" }));
const good = await resolver(national, undefined, { fields: {}, shouldUseNativeValidation: false });
assert.equal(good.values.phone_number, "+14155552671");
const bad = await resolver({ email: "nope" }, undefined, { fields: {}, shouldUseNativeValidation: false });
assert.match(String(bad.errors.email?.message), /^Enter an email address/);

// TanStack Form: the schema's issues land on the form.
/** @type {import("customer-schema").CreateCustomerInput} */
const defaultValues = { email: "" };
// (Typed in clients.ts, under strict settings; this checker is not strict.)
/** @type {any} */
const form = new FormApi({ defaultValues, validators: { onChange: CreateCustomerSchema } });
form.mount();
form.setFieldValue("email", "nope");
await form.validate("change");
assert.ok(JSON.stringify(form.state.errors).includes("Enter an email address"), JSON.stringify(form.state.errors));

// Hono: the validator gives the handler the normalised record; bad bodies get 400.
const app = new Hono().post("/customers", sValidator("json", CreateCustomerSchema), (c) => c.json(c.req.valid("json"), 201));
/** @type {any} */
const client = hc("http://localhost", { fetch: (/** @type {any} */ input, /** @type {any} */ init) => app.request(input, init) });
const ok = await client.customers.$post({ json: { firstname: " Jane ", tags: ["vip", "vip"] } });
assert.equal(ok.status, 201);
assert.deepEqual(await ok.json(), { firstname: "Jane", tags: ["vip"], preferred_language: "en", preferred_contact_method: "EMAIL", isValidatedNames: false });
const refused = await client.customers.$post({ json: { tags: "vip" } });
assert.equal(refused.status, 400);

// customer-schema/hono: the same through the body's bytes.
const raw = new Hono().post("/customers", jsonValidator(CreateCustomerSchema), (c) => c.json(c.req.valid("json"), 201));
/** @type {any} */
const rawClient = hc("http://localhost", { fetch: (/** @type {any} */ input, /** @type {any} */ init) => raw.request(input, init) });
const rawOk = await rawClient.customers.$post({ json: { firstname: " Jane ", tags: ["vip", "vip"] } });
assert.equal(rawOk.status, 201);
assert.deepEqual(await rawOk.json(), { firstname: "Jane", tags: ["vip"], preferred_language: "en", preferred_contact_method: "EMAIL", isValidatedNames: false });
assert.equal((await rawClient.customers.$post({ json: { tags: "vip" } })).status, 400);

// Hono's form target through formSchema: the address and the tags arrive.
const forms = new Hono().post("/customers", sValidator("form", formSchema(CreateCustomerSchema)), (c) => c.json(c.req.valid("form"), 201));
/** @type {any} */
const formClient = hc("http://localhost", { fetch: (/** @type {any} */ input, /** @type {any} */ init) => forms.request(input, init) });
const viaForm = await formClient.customers.$post({ form: { firstname: "Jane", "address.city": "Paris", tags: ["a", "b"] } });
assert.equal(viaForm.status, 400, "a partial address is refused, not dropped");
const formBody = await viaForm.json();
assert.ok(JSON.stringify(formBody).includes("street"), JSON.stringify(formBody));

// Standard JSON Schema: both targets; another is refused.
assert.equal(CreateCustomerSchema["~standard"].jsonSchema.input({ target: "draft-07" }).$schema, "http://json-schema.org/draft-07/schema#");
assert.throws(() => CreateCustomerSchema["~standard"].jsonSchema.output({ target: "openapi-3.0" }), TypeError);
console.log("tRPC, React Hook Form, TanStack Form, Hono (its validator and customer-schema/hono) and Standard JSON Schema: ok");
