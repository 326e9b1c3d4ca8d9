// Declarations for type-checking the tests (tsconfig.checkjs.tests.json); not
// part of the package.
import type { SafeParseResult } from "../pkg/index.js";

// The package's test-only hooks (pkg/src/adapter.mjs), left out of its
// public declarations on purpose.
declare module "../pkg/index.js" {
  export const __testing: {
    /** Forces a trap inside the module; undefined in builds without __trapForTest. */
    trap: (() => SafeParseResult<unknown>) | undefined;
    /** How many times the module has been restarted after a trap. */
    restarts(): number;
  };
}

declare global {
  interface Window {
    /** CSP violations seen by the page (tests/browser/harness.mjs). */
    __cspViolations: string[];
  }
}
