// A worker thread of `check --jobs N`: its own WebAssembly instance, fed
// chunks by the main thread, answering in the order it receives them.
import { parentPort, workerData } from "node:worker_threads";
import { checkChunk } from "./check-chunk.mjs";

// Only ever run as a worker thread: parentPort is set.
const port = /** @type {import("node:worker_threads").MessagePort} */ (parentPort);

port.on("message", ({ id, chunk }) => {
  try {
    const result = checkChunk(workerData, chunk);
    // The answer's bytes move to the main thread instead of being copied.
    const buffers = "report" in result ? [...new Set([result.report.buffer, result.out.buffer])] : [];
    port.postMessage({ id, result }, /** @type {ArrayBuffer[]} */ (buffers));
  } catch (error) {
    port.postMessage({ id, error: String(error?.message ?? error) });
  }
});
