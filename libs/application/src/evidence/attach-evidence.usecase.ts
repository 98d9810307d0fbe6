import { EvidenceEntity, type EvidenceFileStore } from '@rectify/persistence';
import { mayActorSend } from '@rectify/workflow';
import { type DataSource } from 'typeorm';
import { ApplicationError } from '../errors/application-error';
import { assertItemVisible } from '../item-queries/get-item.query';
import { loadItemWithActor } from '../transition-item/load-item-with-actor';
import { withPreparedSql } from '../transition-item/prepared-sql';
import { ALLOWED_EVIDENCE, evidenceFileType, MAX_EVIDENCE_BYTES } from './evidence-file-type';
import { isUuid } from '../common/is-uuid';

export interface AttachEvidenceCommand {
  itemId: string;
  userId: string;
  text: string;
  file: { name: string; bytes: Uint8Array };
}

/**
 * Files evidence (整改佐证) for an open item. Whoever may submit the item's completion may attach
 * evidence; the file's type is checked from its bytes, its size against the limit.
 */
export async function attachEvidence(
  db: DataSource,
  store: EvidenceFileStore,
  command: AttachEvidenceCommand,
) {
  await assertItemVisible(db, command.userId, command.itemId);
  const { item, actor } = await withPreparedSql(db, (sql) =>
    loadItemWithActor(sql, command.itemId, command.userId),
  );
  if (!mayActorSend('SUBMIT_COMPLETION', actor)) {
    throw new ApplicationError('ACTOR_NOT_PERMITTED', '只有本组织书记、管理员可以上传整改佐证。');
  }
  if (item.status === 'completed') {
    throw new ApplicationError(
      'EVENT_NOT_ALLOWED_IN_STATE',
      '整改事项已销号，不能再上传佐证：如需补充，请上级党组织先"重新整改"。',
      {
        currentStatus: item.status,
      },
    );
  }
  if (command.file.bytes.length > MAX_EVIDENCE_BYTES) {
    throw new ApplicationError('EVIDENCE_TOO_LARGE', '佐证文件不能超过 20 MB：请压缩图片或拆分文件后上传。');
  }
  const type = evidenceFileType(command.file.bytes);
  if (!type) {
    throw new ApplicationError(
      'EVIDENCE_UNSUPPORTED_TYPE',
      `不支持的佐证文件类型：请上传 ${ALLOWED_EVIDENCE}。`,
      {
        fileName: command.file.name,
      },
    );
  }
  const storageKey = await store.save(command.file.bytes);
  const evidence = db.getRepository(EvidenceEntity).create({
    itemId: item.id,
    text: command.text.trim() || command.file.name,
    fileName: command.file.name,
    mimeType: type.mimeType,
    sizeBytes: command.file.bytes.length,
    storageKey,
    createdBy: actor.userId,
  });
  await db.getRepository(EvidenceEntity).insert(evidence);
  return {
    id: evidence.id,
    fileName: evidence.fileName,
    mimeType: evidence.mimeType,
    sizeBytes: evidence.sizeBytes,
  };
}

/** An evidence file of an item the user may see. */
export async function readEvidence(
  db: DataSource,
  store: EvidenceFileStore,
  userId: string,
  itemId: string,
  evidenceId: string,
) {
  await assertItemVisible(db, userId, itemId);
  const evidence = isUuid(evidenceId)
    ? await db.getRepository(EvidenceEntity).findOneBy({ id: evidenceId, itemId })
    : null;
  if (!evidence || !evidence.storageKey) {
    throw new ApplicationError('EVIDENCE_NOT_FOUND', '佐证文件不存在：请检查编号。', { evidenceId });
  }
  return {
    fileName: evidence.fileName ?? 'evidence',
    mimeType: evidence.mimeType ?? 'application/octet-stream',
    bytes: await store.read(evidence.storageKey),
  };
}
