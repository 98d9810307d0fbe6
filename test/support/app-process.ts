import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { waitFor } from './smtp-test-server';

/**
 * One of the product's processes started from its sources (`node -r ./scripts/register-ts.js
 * <entry>`), as production runs it: a test can signal it, and reads what it printed (stdout and
 * stderr, without colours). TEST_WORKER_LOGS=1 echoes its output to the test's stderr.
 */
export class AppProcess {
  private readonly child: ChildProcess;
  private text = '';
  private readonly exited: Promise<void>;

  /** @param entry the main file, from the project root (`apps/worker/src/main.ts`). */
  constructor(
    entry: string,
    env: Record<string, string>,
    private readonly name = entry,
  ) {
    this.child = spawn(process.execPath, ['-r', './scripts/register-ts.js', entry], {
      cwd: resolve(__dirname, '../..'),
      env: { ...process.env, ...env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.child.stdout!, this.child.stderr!]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        this.text += chunk;
        if (process.env.TEST_WORKER_LOGS) process.stderr.write(chunk);
      });
    }
    this.exited = new Promise((r) => this.child.once('exit', () => r()));
  }

  /** Everything the process printed so far, line by line. */
  lines(): string[] {
    return this.text.split('\n').filter((l) => l.trim() !== '');
  }

  /** Waits until a line matches `pattern`; fails early, with its output, if the process exits. */
  async waitForLine(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    await waitFor(
      `${this.name} to print ${pattern}`,
      () => {
        if (this.lines().some((l) => pattern.test(l))) return true;
        if (this.exitCode !== null || this.child.signalCode !== null) {
          throw new Error(`${this.name} exited (${this.exitCode ?? this.child.signalCode}):\n${this.text}`);
        }
        return false;
      },
      timeoutMs,
    );
    return this.lines().find((l) => pattern.test(l))!;
  }

  /**
   * Sends `signal` (SIGTERM: a graceful stop) and waits for the process to exit; one that has
   * not exited after `timeoutMs` is killed and the call fails.
   */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((r) => (timer = setTimeout(() => r(true), timeoutMs)));
    const tooLate = await Promise.race([this.exited.then(() => false), late]);
    clearTimeout(timer);
    if (tooLate) {
      this.child.kill('SIGKILL');
      await this.exited;
      throw new Error(`${this.name} did not exit within ${timeoutMs} ms of ${signal}`);
    }
  }

  /** The exit code, once the process has exited (null: killed by a signal, or still running). */
  get exitCode(): number | null {
    return this.child.exitCode;
  }
}

/** A TCP port free on 127.0.0.1 right now (the system picks it), for a child process to listen on. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** The API as its own process (`apps/api/src/main.ts`), listening on API_PORT. */
export class ApiProcess extends AppProcess {
  constructor(env: Record<string, string>) {
    super('apps/api/src/main.ts', env, `the API on port ${env.API_PORT}`);
  }

  /** The API's base address (`http://127.0.0.1:<port>/api`), once it listens. */
  async url(timeoutMs = 60_000): Promise<string> {
    const line = await this.waitForLine(/api: listening on (http:\/\/\S+)/, timeoutMs);
    return /api: listening on (http:\/\/\S+)/.exec(line)![1];
  }
}
