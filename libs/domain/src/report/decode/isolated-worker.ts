import { Worker } from 'node:worker_threads';

/** Time and memory given to a third-party reader running in its own thread. */
export interface IsolationLimits {
  /** Wall-clock milliseconds before the thread is stopped. */
  timeoutMs: number;
  /** The thread's JavaScript heap (old generation) in MiB; past it the thread is stopped. */
  maxHeapMb: number;
}

/**
 * Isolated readers running at once in this process; more wait their turn, so that concurrent
 * uploads hold at most this many reader heaps (PDF_LIMITS.maxHeapMb each) at a time.
 */
export const MAX_CONCURRENT_ISOLATED = 2;

let running = 0;
const waiting: (() => void)[] = [];

/** Isolated readers running and waiting now (for tests and health reports). */
export function isolatedReaders(): { running: number; waiting: number } {
  return { running, waiting: waiting.length };
}

async function turn(): Promise<() => void> {
  if (running >= MAX_CONCURRENT_ISOLATED) await new Promise<void>((go) => waiting.push(go));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/** How an isolated run ended. `error` carries the reader's own error name and message (for logs). */
export type IsolatedOutcome<T> =
  | { kind: 'done'; value: T }
  | { kind: 'error'; name: string; message: string }
  | { kind: 'timeout' }
  | { kind: 'out_of_memory' };

/**
 * Runs `script` (CommonJS JavaScript, not TypeScript, so it runs the same under jest, tsx, the
 * API's register hook and the build) in a worker thread with `workerData` and the given limits.
 * The script answers once with `parentPort.postMessage({ ok: true, value })` or
 * `{ ok: false, name, message }`. Used for parsers of binary formats (word-extractor, pdf.js)
 * that have no bounds of their own: a crafted file that makes them loop or grow is stopped here
 * and cannot block the event loop or exhaust the process's heap. At most
 * MAX_CONCURRENT_ISOLATED run at once; the time limit counts from the start of the run. Never rejects.
 */
export async function runIsolated<T>(
  script: string,
  workerData: unknown,
  limits: IsolationLimits,
): Promise<IsolatedOutcome<T>> {
  const done = await turn();
  try {
    return await runWorker<T>(script, workerData, limits);
  } finally {
    done();
  }
}

function runWorker<T>(
  script: string,
  workerData: unknown,
  limits: IsolationLimits,
): Promise<IsolatedOutcome<T>> {
  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(script, {
      eval: true,
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
      stdout: true,
      stderr: true,
    });
    const finish = (outcome: IsolatedOutcome<T>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ kind: 'timeout' }), limits.timeoutMs);
    // Library chatter (pdf.js warnings) is not the server's log.
    worker.stdout.resume();
    worker.stderr.resume();
    worker.on('message', (message: { ok: boolean; value?: T; name?: string; message?: string }) =>
      finish(
        message.ok
          ? { kind: 'done', value: message.value as T }
          : { kind: 'error', name: message.name ?? 'Error', message: message.message ?? '' },
      ),
    );
    worker.on('error', (err: Error & { code?: string }) =>
      finish(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { kind: 'out_of_memory' }
          : { kind: 'error', name: err.name, message: err.message },
      ),
    );
    worker.on('exit', () =>
      finish({ kind: 'error', name: 'WorkerExit', message: 'the worker exited early' }),
    );
  });
}
