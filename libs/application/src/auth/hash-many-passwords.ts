import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import bcrypt from 'bcryptjs';
import { BCRYPT_COST } from './passwords';

/**
 * bcrypt cost of generated one-time passwords (generateOneTimePassword: 12 characters of 54,
 * about 69 bits, changed at first login). A work factor slows the guessing of passwords people
 * choose; against 2^69 random candidates cost 6 (64 rounds, a few ms a hash) already leaves an
 * offline attacker with a GPU millions of years, while cost 10 (BCRYPT_COST, 1,024 rounds)
 * makes 200 new accounts take 20–40 s on these 2-core machines instead of 1–3 s. The password the
 * person then chooses is hashed at BCRYPT_COST.
 */
export const GENERATED_PASSWORD_BCRYPT_COST = 6;

/** Threads hashing at once in this process, whatever the number of imports running. */
export const MAX_HASHING_THREADS = Math.max(1, Math.min(4, availableParallelism()));

/** Below this many passwords a thread costs more to start than it saves. */
const IN_PROCESS_BELOW = 4;

// CommonJS, not TypeScript: it runs the same under jest, the register hook and the build.
const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const bcrypt = require(workerData.modulePath);
parentPort.postMessage(workerData.passwords.map((p) => bcrypt.hashSync(p, workerData.cost)));
`;

let running = 0;
const waiting: (() => void)[] = [];

async function thread(): Promise<() => void> {
  if (running >= MAX_HASHING_THREADS) await new Promise<void>((go) => waiting.push(go));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

function hashInThread(passwords: string[], cost: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SCRIPT, {
      eval: true,
      workerData: { passwords, cost, modulePath: require.resolve('bcryptjs') },
    });
    worker.once('message', (hashes: string[]) => resolve(hashes));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`password hashing thread exited with ${code}`));
    });
  });
}

/**
 * The bcrypt hashes (cost BCRYPT_COST) of many generated passwords, in order, spread over
 * worker threads: bcryptjs is plain JavaScript, so hashes on the event loop run one after
 * another (about 100–200 ms each at cost 10 on these 2-core machines) and would hold up every
 * other request. At most MAX_HASHING_THREADS threads run at once across the process; a few
 * passwords are hashed in process. The passwords are not checked against the password rules:
 * callers pass generated ones (generateOneTimePassword).
 */
export async function hashManyPasswords(passwords: readonly string[], cost = BCRYPT_COST): Promise<string[]> {
  if (passwords.length < IN_PROCESS_BELOW) return Promise.all(passwords.map((p) => bcrypt.hash(p, cost)));
  const chunks = Math.min(MAX_HASHING_THREADS, Math.ceil(passwords.length / IN_PROCESS_BELOW));
  const size = Math.ceil(passwords.length / chunks);
  const parts = await Promise.all(
    Array.from({ length: chunks }, async (_, i) => {
      const done = await thread();
      try {
        return await hashInThread(passwords.slice(i * size, (i + 1) * size), cost);
      } finally {
        done();
      }
    }),
  );
  return parts.flat();
}
