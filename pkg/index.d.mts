// Types for the ES module entries; the same declarations as index.d.ts.
export * from "./index.js";
