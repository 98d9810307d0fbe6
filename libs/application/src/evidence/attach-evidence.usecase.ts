import { cleanText } from '@rectify/domain';
import { type EvidenceFileStore } from '@rectify/persistence';
import { mayActorSend } from '@rectify/workflow';
import { type DataSource } from 'typeorm';
import { ApplicationError } from '../errors/application-error';
import { assertItemVisible } from '../item-queries/get-item.query';
import { loadItemWithActor } from '../transition-item/load-item-with-actor';
import { withPreparedSql } from '../transition-item/prepared-sql';
import { appendEvidenceHistory, lockOpenItem } from './evidence-history';
import { ALLOWED_EVIDENCE, evidenceFileType, MAX_EVIDENCE_BYTES } from './evidence-file-type';
import { assertWithinItemLimits, evidenceEmptyError, evidenceTooLargeError } from './evidence-limits';

export interface AttachEvidenceCommand {
  itemId: string;
  userId: string;
  /** What the file shows (佐证说明); the file name when blank. */
  text: string;
  file: { name: string; bytes: Uint8Array };
}

export interface AttachEvidenceResult {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  /** The item's version after the upload (the upload is a line of its history). */
  version: number;
}

const SIGNED_OFF = '整改事项已销号，不能再上传佐证：如需补充，请上级党组织先"重新整改"。';

/**
 * Files evidence (整改佐证) for an open item. Whoever may submit the item's completion may attach
 * evidence; the file's type is checked from its bytes. Refusals: ACTOR_NOT_PERMITTED (403),
 * EVENT_NOT_ALLOWED_IN_STATE once signed off (409), EVIDENCE_EMPTY (422), EVIDENCE_TOO_LARGE
 * over 20 MB (413), EVIDENCE_UNSUPPORTED_TYPE (415), EVIDENCE_LIMIT_REACHED past the per-item
 * count or total size (422).
 *
 * The file is staged first; the row, the item's new version and an ATTACH_EVIDENCE history line
 * are written in one transaction that holds the item's lock, and the file is committed (renamed)
 * as its last step. Any failure removes the file again, so no file outlives a failed insert.
 */
export async function attachEvidence(
  db: DataSource,
  store: EvidenceFileStore,
  command: AttachEvidenceCommand,
): Promise<AttachEvidenceResult> {
  await assertItemVisible(db, command.userId, command.itemId);
  const { item, actor } = await withPreparedSql(db, (sql) =>
    loadItemWithActor(sql, command.itemId, command.userId),
  );
  if (!mayActorSend('SUBMIT_COMPLETION', actor)) {
    throw new ApplicationError('ACTOR_NOT_PERMITTED', '只有本组织书记、管理员可以上传整改佐证。');
  }
  if (item.status === 'completed') {
    throw new ApplicationError('EVENT_NOT_ALLOWED_IN_STATE', SIGNED_OFF, { currentStatus: item.status });
  }
  const fileName = cleanText(command.file.name).trim() || '佐证文件';
  const bytes = command.file.bytes;
  if (bytes.length === 0) throw evidenceEmptyError(fileName);
  if (bytes.length > MAX_EVIDENCE_BYTES) throw evidenceTooLargeError(bytes.length);
  const type = evidenceFileType(bytes);
  if (!type) {
    throw new ApplicationError(
      'EVIDENCE_UNSUPPORTED_TYPE',
      `不支持的佐证文件类型：请上传 ${ALLOWED_EVIDENCE}。`,
      { fileName },
    );
  }
  const text = cleanText(command.text).trim() || fileName;

  const staged = await store.stage(bytes);
  try {
    return await db.transaction(async (m) => {
      const locked = await lockOpenItem(m, item.id, SIGNED_OFF);
      const [usage]: { files: number; bytes: string }[] = await m.query(
        `SELECT count(*)::int AS files, COALESCE(sum(size_bytes), 0)::bigint AS bytes
           FROM evidence WHERE item_id = $1 AND storage_key IS NOT NULL AND deleted_at IS NULL`,
        [item.id],
      );
      assertWithinItemLimits({ files: usage.files, bytes: Number(usage.bytes) }, bytes.length);
      const [row]: { id: string }[] = await m.query(
        `INSERT INTO evidence (item_id, text, file_name, mime_type, size_bytes, storage_key, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [item.id, text, fileName, type.mimeType, bytes.length, staged.key, actor.userId],
      );
      const version = await appendEvidenceHistory(m, locked, actor, 'ATTACH_EVIDENCE', {
        evidenceId: row.id,
        fileName,
        sizeBytes: bytes.length,
        text,
      });
      // Last step inside the transaction: a failed rename rolls the row back.
      await staged.commit();
      return { id: row.id, fileName, mimeType: type.mimeType, sizeBytes: bytes.length, version };
    });
  } catch (err) {
    await staged.discard();
    throw err;
  }
}
