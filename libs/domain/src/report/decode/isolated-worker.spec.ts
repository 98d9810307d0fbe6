import { isolatedReaders, MAX_CONCURRENT_ISOLATED, runIsolated } from './isolated-worker';

const LIMITS = { timeoutMs: 20_000, maxHeapMb: 64 };

describe('runIsolated', () => {
  it('returns what the script answers, computed from the data it was given', async () => {
    const script = `
      const { parentPort, workerData } = require('node:worker_threads');
      parentPort.postMessage({ ok: true, value: workerData.bytes.length * 2 });`;
    expect(await runIsolated(script, { bytes: new Uint8Array(21) }, LIMITS)).toEqual({
      kind: 'done',
      value: 42,
    });
  });

  it("passes on the script's own error by name and message", async () => {
    const script = `
      const { parentPort } = require('node:worker_threads');
      parentPort.postMessage({ ok: false, name: 'PasswordException', message: 'No password given' });`;
    expect(await runIsolated(script, {}, LIMITS)).toEqual({
      kind: 'error',
      name: 'PasswordException',
      message: 'No password given',
    });
  });

  it('stops a script that never answers once its time is up', async () => {
    const script = 'setInterval(() => {}, 1000);';
    expect(await runIsolated(script, {}, { ...LIMITS, timeoutMs: 300 })).toEqual({ kind: 'timeout' });
  });

  it('stops a script that keeps filling its heap, and the process goes on', async () => {
    const script = 'const kept = []; for (;;) kept.push({ text: String(kept.length).repeat(50) });';
    expect(await runIsolated(script, {}, { ...LIMITS, maxHeapMb: 32 })).toEqual({ kind: 'out_of_memory' });
  });

  it('reports a script that throws before answering as an error, not a hang', async () => {
    const outcome = await runIsolated('throw new TypeError("broken reader");', {}, LIMITS);
    expect(outcome).toEqual({ kind: 'error', name: 'TypeError', message: 'broken reader' });
  });

  it(`runs at most ${MAX_CONCURRENT_ISOLATED} scripts at once and the others after them`, async () => {
    const script = `
      const { parentPort, workerData } = require('node:worker_threads');
      parentPort.postMessage({ ok: true, value: workerData.n });`;
    const runs = Array.from({ length: 5 }, (_, n) => runIsolated<number>(script, { n }, LIMITS));
    expect(isolatedReaders()).toEqual({
      running: MAX_CONCURRENT_ISOLATED,
      waiting: 5 - MAX_CONCURRENT_ISOLATED,
    });
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4].map((n) => ({ kind: 'done', value: n })));
    expect(isolatedReaders()).toEqual({ running: 0, waiting: 0 });
  });
});
