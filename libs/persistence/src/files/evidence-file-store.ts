import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Where uploads wait, inside the store's root so that committing them is a rename. */
const STAGING_DIR = '.incoming';

/** A staged file older than this was left by a crash between staging and its row's commit. */
const STALE_STAGED_MS = 60 * 60 * 1000;

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * An uploaded file written under a temporary name, not yet evidence. The caller inserts the row
 * that names `key`, calls `commit()` as the last step of that transaction, and `discard()` if
 * anything failed (the insert, the commit), so no file is left without its row.
 */
export interface StagedEvidenceFile {
  /** The storage key (a UUID) the file has once committed; store it in the evidence row. */
  readonly key: string;
  /** Renames the staged file to its key (atomic: same file system). */
  commit(): Promise<void>;
  /** Removes the file, staged or already committed; harmless when it is gone. Never throws. */
  discard(): Promise<void>;
}

/**
 * Evidence files on the local disk (the default evidence store, `EVIDENCE_STORE=disk`, under
 * EVIDENCE_DIR), one file per upload, named by a key the store generates (a UUID), so no uploaded
 * name ever becomes part of a path. Files are written in two steps (stage, then commit) so that
 * they can follow the database transaction that records them. Several API processes share it
 * only when EVIDENCE_DIR is one folder they all see; otherwise see PgEvidenceStore.
 */
export class EvidenceFileStore {
  private readonly root: string;
  private readonly staging: string;
  private swept = false;

  /** @param root the folder holding the files (created on first use). */
  constructor(root: string) {
    this.root = resolve(root);
    this.staging = join(this.root, STAGING_DIR);
  }

  /** Writes the bytes under a temporary name; see StagedEvidenceFile for what to do next. */
  async stage(bytes: Uint8Array): Promise<StagedEvidenceFile> {
    await mkdir(this.staging, { recursive: true });
    if (!this.swept) {
      this.swept = true;
      await this.removeStaleStaged();
    }
    const key = randomUUID();
    const staged = join(this.staging, key);
    const final = join(this.root, key);
    try {
      await writeFile(staged, bytes, { flag: 'wx' });
    } catch (err) {
      await removeIfPresent(staged);
      throw err;
    }
    return {
      key,
      commit: () => rename(staged, final),
      discard: async () => {
        await removeIfPresent(staged).catch(() => undefined);
        await removeIfPresent(final).catch(() => undefined);
      },
    };
  }

  /** The bytes of a committed file; null for a missing file or a malformed key. */
  async read(key: string): Promise<Buffer | null> {
    if (!KEY.test(key)) return null;
    try {
      return await readFile(this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  /** Removes a committed file; a file already gone is not an error. */
  async remove(key: string): Promise<void> {
    await removeIfPresent(this.pathOf(key));
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`invalid evidence key: ${key}`);
    return join(this.root, key);
  }

  /** Staged files a crashed process never committed nor discarded; once per process. */
  private async removeStaleStaged(): Promise<void> {
    const now = Date.now();
    for (const name of await readdir(this.staging).catch(() => [] as string[])) {
      const path = join(this.staging, name);
      const info = await stat(path).catch(() => null);
      if (info && now - info.mtimeMs > STALE_STAGED_MS) await removeIfPresent(path).catch(() => undefined);
    }
  }
}

async function removeIfPresent(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
