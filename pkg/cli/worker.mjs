// A worker thread of `check --jobs N`: its own WebAssembly instance, fed
// chunks by the main thread, answering in the order it receives them.
import { parentPort, workerData } from "node:worker_threads";
import { checkChunk } from "./check-chunk.mjs";

// Only ever run as a worker thread: parentPort is set.
const port = /** @type {import("node:worker_threads").MessagePort} */ (parentPort);

port.on("message", ({ id, chunk }) => {
  try {
    port.postMessage({ id, result: checkChunk(workerData, chunk) });
  } catch (error) {
    port.postMessage({ id, error: String(error?.message ?? error) });
  }
});
