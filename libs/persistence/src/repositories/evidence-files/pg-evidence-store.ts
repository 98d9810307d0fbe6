import { randomUUID } from 'node:crypto';
import { type DataSource } from 'typeorm';

/** A file whose evidence row never committed (a crash between the two) is removed after this. */
const ORPHAN_AGE = '1 hour';

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Evidence files in PostgreSQL (`evidence_file`, `EVIDENCE_STORE=database`): every API process of
 * an installation reads what another stored, and the files are backed up with their rows. Same
 * contract as the disk store (the EvidenceStore port of libs/application).
 *
 * Staging inserts the bytes in a statement of its own, before the use case's transaction: the port
 * does not see the items repository's transaction, and inserting on another connection inside it
 * (at commit()) would take two pool connections per upload while the item is locked (20 concurrent
 * uploads on a pool of 20 would wait on each other). So `commit()` has nothing left to do,
 * `discard()` deletes the row, and a row that no evidence row names after ORPHAN_AGE (the process
 * died between staging and the evidence row's commit) is deleted the first time this process
 * stages a file.
 */
export class PgEvidenceStore {
  private swept = false;

  constructor(private readonly db: DataSource) {}

  /** Inserts the bytes under a new key (a UUID); see the class comment for commit and discard. */
  async stage(bytes: Uint8Array): Promise<{
    key: string;
    commit: () => Promise<void>;
    discard: () => Promise<void>;
  }> {
    if (!this.swept) {
      this.swept = true;
      await this.removeOrphans();
    }
    const key = randomUUID();
    await this.db.query(`INSERT INTO evidence_file (key, bytes) VALUES ($1, $2)`, [key, toBuffer(bytes)]);
    return {
      key,
      commit: async () => undefined,
      discard: () => this.remove(key).catch(() => undefined),
    };
  }

  /** The bytes stored under `key` (at most the evidence size limit); null when there are none. */
  async read(key: string): Promise<Buffer | null> {
    if (!KEY.test(key)) return null;
    const rows: { bytes: Uint8Array }[] = await this.db.query(
      `SELECT bytes FROM evidence_file WHERE key = $1`,
      [key],
    );
    return rows[0] ? toBuffer(rows[0].bytes) : null;
  }

  /** Deletes the file stored under `key`; none there is not an error. */
  async remove(key: string): Promise<void> {
    if (!KEY.test(key)) return;
    await this.db.query(`DELETE FROM evidence_file WHERE key = $1`, [key]);
  }

  private async removeOrphans(): Promise<void> {
    await this.db.query(
      `DELETE FROM evidence_file f
        WHERE f.created_at < now() - $1::interval
          AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.storage_key = f.key::text)`,
      [ORPHAN_AGE],
    );
  }
}

/** The pg driver answers a bytea as a Buffer, PGlite as a Uint8Array: a Buffer over the same memory. */
function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
