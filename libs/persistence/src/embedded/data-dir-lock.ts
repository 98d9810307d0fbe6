import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * What the owner of an embedded data directory writes into `<dataDir>.lock`: who holds the
 * directory and where the other processes reach its database (PostgreSQL protocol over a
 * Unix socket in `socketDir`, file `.s.PGSQL.<socketPort>`).
 */
export interface DataDirOwner {
  pid: number;
  /** Start time of the holder process as the kernel counts it (Linux `/proc/<pid>/stat` field 22), to tell a reused pid apart. */
  processStart: string | null;
  hostname: string;
  /** ISO 8601 instant the lock was taken. */
  since: string;
  /** The holder's command, e.g. `main.js` of the standalone app, for the message to people. */
  command: string;
  socketDir: string;
  socketPort: number;
  /** Random, so a holder recognises its own lock file. */
  nonce: string;
}

/** Thrown when a live process holds the data directory and the caller may not share it. */
export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  constructor(
    readonly dataDir: string,
    readonly owner: DataDirOwner,
  ) {
    super(
      `数据目录 ${dataDir} 正由进程 ${owner.pid}（${owner.command}，自 ${formatShanghai(owner.since)} 起）使用，` +
        `不能由第二个进程同时打开，否则已保存的数据会丢失。请先停止该进程（运行 npm start 的终端按 Ctrl-C），` +
        `或用 RECTIFY_DATA_DIR 指定另一个目录；命令行工具 rectify 会自动连到正在运行的进程。`,
    );
  }
}

function formatShanghai(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** The kernel's start time of a process, or null off Linux or when it is gone. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (comm) may contain spaces and parentheses: count fields after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return rest[19] ?? null; // field 22 overall
  } catch {
    return null;
  }
}

/** Whether the process that wrote `owner` still runs (on this host; another host's lock counts as live). */
export function isOwnerAlive(owner: DataDirOwner): boolean {
  if (owner.hostname !== hostname()) return true;
  if (!pidAlive(owner.pid)) return false;
  const start = processStartTime(owner.pid);
  return owner.processStart === null || start === null || start === owner.processStart;
}

/** Reads the lock file, or null when there is none (or it is unreadable, e.g. half-written by a killed process). */
export function readDataDirOwner(lockPath: string): DataDirOwner | null {
  try {
    const owner = JSON.parse(readFileSync(lockPath, 'utf8')) as DataDirOwner;
    return typeof owner.pid === 'number' ? owner : null;
  } catch {
    return null;
  }
}

/** A held lock; `release` removes the file if it is still ours. */
export interface DataDirLock {
  owner: DataDirOwner;
  release(): void;
}

/**
 * Takes the lock file `lockPath` for this process, or returns the live owner that holds it.
 * The file is written complete under a temporary name and then hard-linked into place, which
 * fails if the file exists: two processes can never both create it. A lock whose process is gone
 * (killed, crashed, machine restarted) is stale: it is removed and taken over.
 *
 * @returns `{ lock, replaced }` when taken (`replaced`: the stale owner whose lock was taken
 *   over, so the caller can tidy what it left), `{ heldBy }` when a live process holds it.
 */
export function acquireDataDirLock(
  lockPath: string,
  socket: { socketDir: string; socketPort: number },
): { lock: DataDirLock; replaced: DataDirOwner | null } | { heldBy: DataDirOwner } {
  const owner: DataDirOwner = {
    pid: process.pid,
    processStart: processStartTime(process.pid),
    hostname: hostname(),
    since: new Date().toISOString(),
    command: basename(process.argv[1] ?? process.argv0),
    ...socket,
    nonce: randomBytes(8).toString('hex'),
  };
  const tmp = `${lockPath}.${process.pid}.${owner.nonce}.tmp`;
  writeFileSync(tmp, JSON.stringify(owner), { mode: 0o600 });
  let replaced: DataDirOwner | null = null;
  try {
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        linkSync(tmp, lockPath);
        return { lock: { owner, release: () => releaseIfOurs(lockPath, owner.nonce) }, replaced };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const stale = readDataDirOwner(lockPath);
      if (stale && isOwnerAlive(stale)) return { heldBy: stale };
      // Stale (or unreadable): only the holder of the short take-over mutex removes it, and only
      // if it is still the same stale file, so two takers never both end up holding the lock.
      if (withTakeoverMutex(`${lockPath}.takeover`, () => removeIfStill(lockPath, stale))) {
        replaced = stale;
        continue;
      }
      sleepSync(25);
    }
    const current = readDataDirOwner(lockPath);
    if (current) return { heldBy: current };
    throw new Error(`cannot take the lock file ${lockPath}`);
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
  }
}

function removeIfStill(lockPath: string, stale: DataDirOwner | null): void {
  const now = readDataDirOwner(lockPath);
  if ((now?.nonce ?? null) !== (stale?.nonce ?? null)) return;
  try {
    unlinkSync(lockPath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/** Runs `work` holding a tiny exclusive file; false if another live process holds it now. */
function withTakeoverMutex(mutexPath: string, work: () => void): boolean {
  try {
    writeFileSync(mutexPath, String(process.pid), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const pid = Number(readFileSync(mutexPath, 'utf8'));
    if (Number.isInteger(pid) && pid > 0 && pidAlive(pid)) return false;
    try {
      unlinkSync(mutexPath); // left by a process killed in the middle of a take-over
    } catch {
      /* someone else cleared it */
    }
    return false;
  }
  try {
    work();
    return true;
  } finally {
    unlinkSync(mutexPath);
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function releaseIfOurs(lockPath: string, nonce: string): void {
  if (readDataDirOwner(lockPath)?.nonce !== nonce) return;
  try {
    unlinkSync(lockPath);
  } catch {
    /* already gone */
  }
}
