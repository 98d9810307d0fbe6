import { type EntityManager } from 'typeorm';
import { type EvidenceTransaction } from './items.repository';
import {
  type HistoryActor,
  type LockedEvidenceFile,
  type LockedItemRecord,
  type NewEvidenceFile,
} from './item-records';

/** EvidenceTransaction on a TypeORM transaction's EntityManager. */
export class PgEvidenceTransaction implements EvidenceTransaction {
  constructor(private readonly m: EntityManager) {}

  async lockItem(itemId: string): Promise<LockedItemRecord | null> {
    const rows: LockedItemRecord[] = await this.m.query(
      `SELECT id, status, withdrawn_at IS NOT NULL AS withdrawn FROM rectification_item WHERE id = $1 FOR UPDATE`,
      [itemId],
    );
    return rows[0] ?? null;
  }

  async liveFileUsage(itemId: string): Promise<{ files: number; bytes: number }> {
    const [usage]: { files: number; bytes: string }[] = await this.m.query(
      `SELECT count(*)::int AS files, COALESCE(sum(size_bytes), 0)::bigint AS bytes
           FROM evidence WHERE item_id = $1 AND storage_key IS NOT NULL AND deleted_at IS NULL`,
      [itemId],
    );
    return { files: usage.files, bytes: Number(usage.bytes) };
  }

  async insertFile(file: NewEvidenceFile): Promise<string> {
    const [row]: { id: string }[] = await this.m.query(
      `INSERT INTO evidence (item_id, text, file_name, mime_type, size_bytes, storage_key, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [file.itemId, file.text, file.fileName, file.mimeType, file.sizeBytes, file.storageKey, file.createdBy],
    );
    return row.id;
  }

  async findLiveFileForUpdate(itemId: string, evidenceId: string): Promise<LockedEvidenceFile | null> {
    const rows: {
      id: string;
      file_name: string | null;
      storage_key: string;
      created_by: string | null;
    }[] = await this.m.query(
      `SELECT id, file_name, storage_key, created_by FROM evidence
          WHERE id = $1 AND item_id = $2 AND storage_key IS NOT NULL AND deleted_at IS NULL
          FOR UPDATE`,
      [evidenceId, itemId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      fileName: row.file_name,
      storageKey: row.storage_key,
      createdBy: row.created_by,
    };
  }

  async markDeleted(evidenceId: string, deletedBy: string): Promise<void> {
    await this.m.query(`UPDATE evidence SET deleted_at = now(), deleted_by = $2 WHERE id = $1`, [
      evidenceId,
      deletedBy,
    ]);
  }

  async appendHistory(
    itemId: string,
    actor: HistoryActor,
    event: 'ATTACH_EVIDENCE' | 'DELETE_EVIDENCE',
    payload: Record<string, unknown>,
  ): Promise<number> {
    const rows: { version: number }[] = await this.m.query(
      `WITH updated AS (
       UPDATE rectification_item SET version = version + 1, updated_at = now()
        WHERE id = $1 RETURNING id, status, version),
     history AS (
       INSERT INTO item_history (item_id, seq, actor_id, actor_role, event, from_status, to_status, payload)
       SELECT id, version, $2, $3, $4, status, status, $5 FROM updated)
     SELECT version FROM updated`,
      [itemId, actor.userId, actor.role, event, JSON.stringify(payload)],
    );
    return Number(rows[0].version);
  }
}
