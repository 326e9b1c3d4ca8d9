// Child process of bench/compare.mjs: the WebAssembly memory of a fresh
// instance before and after checking a number of every region, as JSON.
// The glue is instantiated directly so that nothing else shares the instance.
import { readFileSync } from "node:fs";
import { everyRegionExample } from "../data.mjs";
import { createApi } from "../../pkg/src/adapter.mjs";

const glueUrl = new URL("../../pkg/dist/customer_schema.js", import.meta.url);
const glue = await import(glueUrl.href);
const wasm = glue.initSync({ module: new WebAssembly.Module(readFileSync(new URL("customer_schema_bg.wasm", glueUrl))) });

const before = wasm.memory.buffer.byteLength;
// The package's own adapter over this instance (it also runs its load-time warm-up).
const { parsePhone } = createApi(glue);
let valid = 0;
let regionsUnknownToOurs = 0;
const examples = everyRegionExample();
for (const { national, e164, region } of examples) {
  let result;
  try {
    result = parsePhone(national, { defaultRegion: region });
  } catch (error) {
    // An option ours refuses (a libphonenumber region that is not an ISO
    // 3166-1 country, e.g. AC): check the number in its international form.
    if (!(error instanceof TypeError)) throw error;
    regionsUnknownToOurs += 1;
    result = parsePhone(e164);
  }
  if (result.success) valid += 1;
}
console.log(
  JSON.stringify({ regions: examples.length, valid, regionsUnknownToOurs, before, after: wasm.memory.buffer.byteLength }),
);
