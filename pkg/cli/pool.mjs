// Runs chunks through checkChunk, in the main thread (jobs = 1) or spread
// over worker threads, returning one promise per chunk (the caller awaits
// them in order, so output keeps the input's order).
import { Worker } from "node:worker_threads";
import { checkChunk } from "./check-chunk.mjs";

/** @typedef {import("./check-chunk.mjs").Job} Job */
/** @typedef {import("./check-chunk.mjs").Chunk} Chunk */
/** @typedef {import("./check-chunk.mjs").ChunkResult} ChunkResult */

/**
 * @param {Job} job
 * @param {number} jobs  how many threads
 * @returns {{ run(chunk: Chunk): Promise<ChunkResult>, close(): Promise<unknown> }}
 */
export function createPool(job, jobs) {
  if (jobs <= 1) {
    return { run: async (chunk) => checkChunk(job, chunk), close: async () => {} };
  }
  const workers = Array.from({ length: jobs }, () => {
    const worker = new Worker(new URL("./worker.mjs", import.meta.url), { workerData: job });
    /** @type {Map<number, { resolve: (result: ChunkResult) => void, reject: (error: unknown) => void }>} */
    const waiting = new Map();
    worker.on("message", ({ id, result, error }) => {
      const { resolve, reject } = /** @type {NonNullable<ReturnType<typeof waiting.get>>} */ (waiting.get(id));
      waiting.delete(id);
      if (error === undefined) resolve(result);
      else reject(new Error(error));
    });
    worker.on("error", (error) => {
      for (const { reject } of waiting.values()) reject(error);
      waiting.clear();
    });
    return { worker, waiting };
  });
  let next = 0;
  let id = 0;
  return {
    run(chunk) {
      const target = workers[next];
      next = (next + 1) % workers.length;
      const key = id++;
      return new Promise((resolve, reject) => {
        target.waiting.set(key, { resolve, reject });
        // A chunk's bytes are its own (sources.mjs copies them): moved, not copied.
        target.worker.postMessage({ id: key, chunk }, "bytes" in chunk ? [/** @type {ArrayBuffer} */ (chunk.bytes.buffer)] : []);
      });
    },
    close: () => Promise.all(workers.map(({ worker }) => worker.terminate())),
  };
}
