// The clients TypeScript teams plug validators into, compiled against the
// installed tarball under tsc --strict with exactOptionalPropertyTypes
// (tests/package/run.mjs). Each @ts-expect-error line must be an error: the
// runner removes the markers and checks that tsc then fails on exactly those
// lines. clients.runtime.mjs makes the same calls at run time.
import { initTRPC } from "@trpc/server";
import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import type { Resolver } from "react-hook-form";
import { FormApi } from "@tanstack/form-core";
import { Hono } from "hono";
import { hc } from "hono/client";
import { sValidator } from "@hono/standard-validator";
import { jsonValidator } from "customer-schema/hono";
import type { StandardSchemaV1, StandardJSONSchemaV1 } from "@standard-schema/spec";
import {
  formSchema,
  flattenError,
  treeifyError,
  CreateCustomerSchema,
  UpdateCustomerSchema,
  type CreateCustomer,
  type CreateCustomerInput,
  type UpdateCustomer,
  type UpdateCustomerInput,
} from "customer-schema";

// Standard Schema, as the spec's own package declares it: input and output typed.
const standard: StandardSchemaV1<CreateCustomerInput, CreateCustomer> = CreateCustomerSchema;
type In = StandardSchemaV1.InferInput<typeof CreateCustomerSchema>;
type Out = StandardSchemaV1.InferOutput<typeof CreateCustomerSchema>;
const sent: In = { firstname: "Jane", phone_number: "(415) 555-2671", preferred_contact_method: "sms" };
const language: Out["preferred_language"] = "en"; // present: defaulted
// @ts-expect-error: the output always has its defaulted contact method
const missing: Out["preferred_contact_method"] = undefined;
const jsonSchema: StandardJSONSchemaV1<CreateCustomerInput, CreateCustomer> = CreateCustomerSchema;
const draft07: Record<string, unknown> = jsonSchema["~standard"].jsonSchema.input({ target: "draft-07" });
void [standard, sent, language, missing, draft07];

// tRPC 11: the input type reaches the caller.
const t = initTRPC.create();
const router = t.router({
  create: t.procedure.input(CreateCustomerSchema.withOptions({ defaultRegion: "US" })).mutation(({ input }) => {
    const email: string | undefined = input.email;
    const language: string = input.preferred_language;
    return { email, language };
  }),
  update: t.procedure.input(UpdateCustomerSchema).mutation(({ input }): UpdateCustomer => input),
});
const caller = t.createCallerFactory(router)({});
export const created = caller.create({ firstname: "Jane", email: "jane@example.com" });
// @ts-expect-error: not a customer
export const rejected = caller.create(42);
// @ts-expect-error: an update needs its id
export const noId = caller.update({ firstname: "Jane" });
const update: UpdateCustomerInput = { id: "c1", firstname: null };
export const updated = caller.update(update);

// React Hook Form: the resolver is typed by the schema's input and output.
const resolver: Resolver<CreateCustomerInput, unknown, CreateCustomer> = standardSchemaResolver(CreateCustomerSchema);
void resolver;

// TanStack Form: the schema validates the form's values.
const form = new FormApi({
  defaultValues: { firstname: "", email: "", tags: [] } as CreateCustomerInput,
  validators: { onChange: CreateCustomerSchema },
});
void form;

// Hono: the validated body is the output type; the client sends the input type.
const app = new Hono().post("/customers", sValidator("json", CreateCustomerSchema), (c) => {
  const customer: CreateCustomer = c.req.valid("json");
  return c.json(customer, 201);
});
const client = hc<typeof app>("http://localhost");
export const posted = client.customers.$post({ json: { firstname: "Jane", tags: ["vip"] } });
// @ts-expect-error: tags are a list of strings
export const badTags = client.customers.$post({ json: { tags: "vip" } });

// customer-schema/hono: the body's bytes validated by safeParseJson; the
// same types through Hono's client.
const raw = new Hono().post("/customers", jsonValidator(CreateCustomerSchema), (c) => {
  const customer: CreateCustomer = c.req.valid("json");
  return c.json(customer, 201);
});
const rawClient = hc<typeof raw>("http://localhost");
export const rawPosted = rawClient.customers.$post({ json: { firstname: "Jane", tags: ["vip"] } });
// @ts-expect-error: tags are a list of strings
export const rawBadTags = rawClient.customers.$post({ json: { tags: "vip" } });

// Hono's form target: form fields in, the record out.
const forms = new Hono().post("/customers", sValidator("form", formSchema(CreateCustomerSchema)), (c) => {
  const customer: CreateCustomer = c.req.valid("form");
  return c.json(customer, 201);
});
const formClient = hc<typeof forms>("http://localhost");
export const formPosted = formClient.customers.$post({ form: { firstname: "Jane", "address.city": "Paris", tags: ["a", "b"] } });

// Zod 4's error helpers, for this package's errors, with no cast.
const failed = CreateCustomerSchema.safeParse({ email: "nope" });
if (!failed.success) {
  const flat = flattenError<CreateCustomer>(failed.error);
  const emailErrors: string[] | undefined = flat.fieldErrors.email;
  const tree = treeifyError(failed.error, (issue) => issue.code);
  const codes: string[] | undefined = tree.properties?.["email"]?.errors;
  void [emailErrors, codes];
}
