// A worker thread of `check --jobs N`: its own WebAssembly instance, fed
// chunks by the main thread, answering in the order it receives them.
import { parentPort, workerData } from "node:worker_threads";
import { checkChunk } from "./check-chunk.mjs";

parentPort.on("message", ({ id, chunk }) => {
  try {
    parentPort.postMessage({ id, result: checkChunk(workerData, chunk) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.message ?? error) });
  }
});
