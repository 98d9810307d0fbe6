import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type WorkerBuild } from './build-worker';

const TICKS_PER_SECOND = 100; // Linux USER_HZ

/**
 * A child Node process running one compiled entry point of the benchmark's build (see
 * build-worker.ts; plain `node`, one process, so signals and /proc figures are the program's
 * own). Its stdout and stderr go to a log file; `ready` resolves when its output matches
 * `readyPattern`.
 */
export class NodeChild {
  readonly process: ChildProcess;
  readonly ready: Promise<void>;
  private exited = false;
  private output = '';

  constructor(
    readonly name: string,
    build: WorkerBuild,
    entry: string,
    env: Record<string, string>,
    readonly logFile: string,
    readyPattern: RegExp,
    /** Options for node itself, e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof']. */
    nodeArgs: string[] = [],
  ) {
    const log = createWriteStream(logFile);
    this.process = spawn(process.execPath, [...nodeArgs, '-r', build.register, join(build.dir, entry)], {
      cwd: build.projectRoot,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/root',
        NO_COLOR: '1',
        NODE_PATH: build.nodePath,
        BENCH_BUILD_DIR: build.dir,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.ready = new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        log.write(chunk);
        this.output = (this.output + chunk.toString()).slice(-20_000);
        if (readyPattern.test(this.output)) resolve();
      };
      this.process.stdout!.on('data', onData);
      this.process.stderr!.on('data', onData);
      this.process.on('exit', (code, signal) => {
        this.exited = true;
        log.end();
        reject(
          new Error(`${name} exited (${signal ?? code}) before it was ready:\n${this.output.slice(-3000)}`),
        );
      });
    });
    this.ready.catch(() => undefined);
  }

  get pid(): number {
    return this.process.pid!;
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** The last part of its output, for error messages. */
  tail(chars = 3000): string {
    return this.output.slice(-chars);
  }

  /** User + system CPU seconds the process has used so far (0 once it is gone). */
  cpuSeconds(): number {
    try {
      const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    } catch {
      return 0;
    }
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited. */
  stop(graceMs = 20_000): Promise<void> {
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
      this.process.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.process.kill('SIGTERM');
    });
  }
}

/** Busy and total jiffies of the whole machine, to tell how loaded it was during a window. */
export function machineCpu(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = v[3] + (v[4] ?? 0);
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

export function busyShare(
  from: { busy: number; total: number },
  to: { busy: number; total: number },
): number {
  const total = to.total - from.total;
  return total > 0 ? (to.busy - from.busy) / total : 0;
}
