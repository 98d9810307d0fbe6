import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import {
  acquireDataDirLock,
  DataDirLockedError,
  isOwnerAlive,
  readDataDirOwner,
  type DataDirLock,
  type DataDirOwner,
} from './data-dir-lock';
import { PGliteSocketServer } from './pglite-socket-server';

/** How a process reaches an embedded database over the PostgreSQL protocol (Unix socket). */
export interface EmbeddedEndpoint {
  /** Folder holding the socket file `.s.PGSQL.<port>`; `pg` takes it as `host`. */
  socketDir: string;
  socketPort: number;
}

/** The embedded database as this process sees it: served by itself, or by the live owner. */
export interface EmbeddedConnection {
  endpoint: EmbeddedEndpoint;
  /** True when this process owns the data directory (and so runs the migrations). */
  owner: boolean;
  /** Called once the schema is ready, so that other processes may connect. */
  publish(): void;
  /**
   * The data directory as an uncompressed tar (PGlite's `dumpDataDir`), for `initialData`;
   * only for a database this process serves, with no transaction open.
   */
  dump(): Promise<Blob>;
  close(): Promise<void>;
}

const SOCKET_PORT = 5432;
/** How long a process that shares the directory waits for the owner to finish starting. */
const OWNER_READY_WAIT_MS = 60_000;
/** Connections the socket server accepts: this process's pool plus a few command-line tools. */
const MAX_CONNECTIONS = 64;

/**
 * Opens the embedded PostgreSQL (PGlite) in `dataDir` with exactly one owner process.
 *
 * PGlite does not lock its folder, and two processes writing one folder lose committed rows
 * (FACTS.md). So the owner takes `<dataDir>.lock` and serves the database over a Unix socket
 * (`PGliteSocketServer`, which keeps each connection's requests and transactions whole);
 * every connection, its own pool included, goes through that socket. A second process either
 * shares it (`share: true`, the command-line tool beside `npm start`) or is refused.
 *
 * `memory://` is private to the process: no lock, the same socket path.
 *
 * @throws DataDirLockedError when a live process holds `dataDir` and `share` is false.
 */
export async function openEmbedded(
  dataDir: string,
  share: boolean,
  initialData?: Blob,
): Promise<EmbeddedConnection> {
  if (dataDir.includes('://')) return serve(dataDir, null, () => undefined, undefined, initialData);
  if (initialData) throw new Error(`initialData is only for an in-memory database, not ${dataDir}`);
  const dir = resolve(dataDir);
  const lockPath = `${dir}.lock`;
  // PGlite creates its own folder but not the folders above it.
  mkdirSync(dirname(dir), { recursive: true });
  const socketDir = mkdtempSync(join(tmpdir(), 'rectify-pg-'));
  const taken = acquireDataDirLock(lockPath, { socketDir, socketPort: 0 });
  if ('heldBy' in taken) {
    rmSync(socketDir, { recursive: true, force: true });
    if (!share) throw new DataDirLockedError(dir, taken.heldBy);
    const endpoint = await waitForOwner(lockPath, taken.heldBy);
    const dump = () => Promise.reject(new Error('only the owner process can dump the embedded database'));
    return { endpoint, owner: false, publish: () => undefined, dump, close: async () => undefined };
  }
  // A killed owner's socket folder is all it leaves outside the data directory.
  if (taken.replaced?.socketDir.startsWith(join(tmpdir(), 'rectify-pg-'))) {
    rmSync(taken.replaced.socketDir, { recursive: true, force: true });
  }
  try {
    return await serve(
      dir,
      socketDir,
      (endpoint) => publishEndpoint(lockPath, taken.lock, endpoint),
      taken.lock,
    );
  } catch (err) {
    taken.lock.release();
    rmSync(socketDir, { recursive: true, force: true });
    throw err;
  }
}

async function serve(
  dataDir: string,
  givenSocketDir: string | null,
  onReady: (endpoint: EmbeddedEndpoint) => void,
  lock?: DataDirLock,
  initialData?: Blob,
): Promise<EmbeddedConnection> {
  const socketDir = givenSocketDir ?? mkdtempSync(join(tmpdir(), 'rectify-pg-'));
  // From a dump, PGlite skips initdb, the slow part of starting it (seconds).
  const pglite = new PGlite(dataDir, initialData ? { loadDataDir: initialData } : undefined);
  await pglite.waitReady;
  const server = new PGliteSocketServer(pglite, join(socketDir, `.s.PGSQL.${SOCKET_PORT}`), MAX_CONNECTIONS);
  await server.start();
  const endpoint = { socketDir, socketPort: SOCKET_PORT };
  return {
    endpoint,
    owner: true,
    publish: () => onReady(endpoint),
    dump: () => pglite.dumpDataDir('none'),
    close: async () => {
      await server.stop();
      await pglite.close();
      rmSync(socketDir, { recursive: true, force: true });
      lock?.release();
    },
  };
}

/** Rewrites our lock file with the socket, atomically (temporary file, then rename). */
function publishEndpoint(lockPath: string, lock: DataDirLock, endpoint: EmbeddedEndpoint): void {
  const owner: DataDirOwner = { ...lock.owner, ...endpoint };
  const tmp = `${lockPath}.${owner.nonce}.publish`;
  writeFileSync(tmp, JSON.stringify(owner), { mode: 0o600 });
  renameSync(tmp, lockPath);
}

async function waitForOwner(lockPath: string, first: DataDirOwner): Promise<EmbeddedEndpoint> {
  const deadline = Date.now() + OWNER_READY_WAIT_MS;
  let owner: DataDirOwner | null = first;
  while (owner && owner.socketPort === 0) {
    if (!isOwnerAlive(owner) || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 100));
    owner = readDataDirOwner(lockPath);
  }
  if (!owner || owner.socketPort === 0) {
    throw new Error(`数据库正在启动或已停止：请稍后重试（数据目录的锁文件 ${lockPath}）。`);
  }
  return { socketDir: owner.socketDir, socketPort: owner.socketPort };
}
