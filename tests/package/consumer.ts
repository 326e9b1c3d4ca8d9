// Type-checked (tsc --strict --noEmit) against the installed tarball by
// tests/package/run.mjs; never run.
import {
  CustomerSchema,
  CreateCustomerSchema,
  UpdateCustomerSchema,
  CustomerSchemaError,
  timeZones,
  tzdataVersion,
  phoneMetadataVersion,
  formatPhone,
  phoneAsYouType,
  parsePhone,
  languages,
  countries,
  type Language,
  type Country,
  type Customer,
  type CreateCustomer,
  type CreateCustomerInput,
  type UpdateCustomerInput,
  type UpdateCustomer,
  type Address,
  type Issue,
  type ParseOptions,
  type PreferredContactMethod,
  type BestTimeToCall,
} from "customer-schema";

const created: CreateCustomerInput = { firstname: "Jane", lastname: "Doe", email: "jane.doe@example.com" };
const update: UpdateCustomerInput = { id: "cust_abc123", preferred_contact_method: "SMS", tags: ["vip"] };
const method: PreferredContactMethod = "PHONE";
const time: BestTimeToCall = "MORNING";
const options: ParseOptions = { defaultRegion: "US", unknownKeys: "strict" };

const result = CustomerSchema.safeParse(JSON.parse("{}") as unknown, options);
if (result.success) {
  const customer: Customer = result.data;
  const id: string = customer.id;
  const created: number = customer.createdAt;
  const country: string | undefined = customer.address?.country;
  void [id, created, country];
} else {
  const issues: Issue[] = result.error.issues;
  const first: string | undefined = issues[0]?.message;
  const path: (string | number)[] | undefined = issues[0]?.path;
  void [first, path];
  // @ts-expect-error: a failure has no data to read
  result.data.id;
}
for (const w of result.warnings) void w.code;

const c2: CreateCustomer = CreateCustomerSchema.parse(created);
const u2: UpdateCustomer = UpdateCustomerSchema.parse(update);
const a: Address | undefined = c2.address;
void [u2, a, method, time];

try {
  CustomerSchema.parse(null);
} catch (e) {
  if (e instanceof CustomerSchemaError) {
    const issues: Issue[] = e.issues;
    void issues;
  }
}

const std = CustomerSchema["~standard"];
const v: 1 = std.version;
const out = std.validate({});
if (out.issues) {
  const messages: string[] = out.issues.map((i) => i.message);
  void messages;
} else {
  const value: Customer = out.value;
  void value;
}
void v;

// The types bite:
// @ts-expect-error: email is a string
const wrong: CreateCustomerInput = { email: 42 };
// @ts-expect-error: not a contact method
const wrongMethod: PreferredContactMethod = "FAX";
// @ts-expect-error: an update needs its id
const noId: UpdateCustomer = { tags: [] };
void [wrong, wrongMethod, noId];

// The module's tables, for form suggestions.
const zones: readonly string[] = timeZones();
const release: string = tzdataVersion();
const phoneRelease: string = phoneMetadataVersion();
const national: string | null = formatPhone("+442079460958", "national");
const typing = phoneAsYouType("GB");
const shown: string = typing.input("0");
const reformatted: string = typing.format("020 7946 09");
typing.reset();
void [shown, reformatted, typing.typed];
const parsedPhone = parsePhone("+442079460958");
if (parsedPhone.success) {
  const forms: [string, string] = [parsedPhone.data.national, parsedPhone.data.international];
  void forms;
}
const langs: readonly Language[] = languages();
const code: string | undefined = langs[0]?.code;
const lands: readonly Country[] = countries();
const alpha3: string | undefined = lands[0]?.alpha3;
void [zones, release, phoneRelease, national, code, alpha3];
// @ts-expect-error: the tables are read-only
languages().push({ code: "xx", name: "X" });
