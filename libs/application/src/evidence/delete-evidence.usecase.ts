import { type EvidenceFileStore } from '@rectify/persistence';
import { type DataSource } from 'typeorm';
import { isUuid } from '../common/is-uuid';
import { ApplicationError } from '../errors/application-error';
import { assertItemVisible } from '../item-queries/get-item.query';
import { loadItemWithActor } from '../transition-item/load-item-with-actor';
import { withPreparedSql } from '../transition-item/prepared-sql';
import { appendEvidenceHistory, lockOpenItem } from './evidence-history';
import { evidenceNotFound } from './read-evidence.query';

export interface DeleteEvidenceCommand {
  itemId: string;
  evidenceId: string;
  userId: string;
}

export interface DeleteEvidenceResult {
  itemId: string;
  evidenceId: string;
  /** The item's version after the deletion (a line of its history). */
  version: number;
  /** False when the row was marked deleted but removing the file from disk failed. */
  fileRemoved: boolean;
}

const SIGNED_OFF = '整改事项已销号，佐证文件不能再删除：如确有错误，请上级党组织先"重新整改"。';

/**
 * Withdraws an evidence file uploaded by mistake, before sign-off (销号). Only the person who
 * uploaded it or an administrator may. In one transaction holding the item's lock: the row is
 * marked deleted (it stays, for the record), the item's version goes up and a DELETE_EVIDENCE
 * line is appended to its history; after the commit the file is removed from disk.
 * Refusals: ITEM_NOT_FOUND / EVIDENCE_NOT_FOUND (404), ACTOR_NOT_PERMITTED (403),
 * EVENT_NOT_ALLOWED_IN_STATE once signed off (409).
 */
export async function deleteEvidence(
  db: DataSource,
  store: EvidenceFileStore,
  command: DeleteEvidenceCommand,
): Promise<DeleteEvidenceResult> {
  await assertItemVisible(db, command.userId, command.itemId);
  if (!isUuid(command.evidenceId)) throw evidenceNotFound(command.evidenceId);
  const { item, actor } = await withPreparedSql(db, (sql) =>
    loadItemWithActor(sql, command.itemId, command.userId),
  );
  const { storageKey, version } = await db.transaction(async (m) => {
    const locked = await lockOpenItem(m, item.id, SIGNED_OFF);
    const rows: { id: string; file_name: string | null; storage_key: string; created_by: string | null }[] =
      await m.query(
        `SELECT id, file_name, storage_key, created_by FROM evidence
          WHERE id = $1 AND item_id = $2 AND storage_key IS NOT NULL AND deleted_at IS NULL
          FOR UPDATE`,
        [command.evidenceId, item.id],
      );
    const evidence = rows[0];
    if (!evidence) throw evidenceNotFound(command.evidenceId);
    if (actor.role !== 'admin' && evidence.created_by !== actor.userId) {
      throw new ApplicationError('ACTOR_NOT_PERMITTED', '只有上传该佐证文件的本人或管理员可以删除它。', {
        evidenceId: evidence.id,
      });
    }
    await m.query(`UPDATE evidence SET deleted_at = now(), deleted_by = $2 WHERE id = $1`, [
      evidence.id,
      actor.userId,
    ]);
    const newVersion = await appendEvidenceHistory(m, locked, actor, 'DELETE_EVIDENCE', {
      evidenceId: evidence.id,
      fileName: evidence.file_name,
    });
    return { storageKey: evidence.storage_key, version: newVersion };
  });
  // The row says the file is gone whatever happens here; a file left behind is only disk space.
  const fileRemoved = await store.remove(storageKey).then(
    () => true,
    () => false,
  );
  return { itemId: item.id, evidenceId: command.evidenceId, version, fileRemoved };
}
