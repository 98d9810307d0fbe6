import { EvidenceEntity, type EvidenceFileStore } from '@rectify/persistence';
import { IsNull, type DataSource } from 'typeorm';
import { isUuid } from '../common/is-uuid';
import { ApplicationError } from '../errors/application-error';
import { assertItemVisible } from '../item-queries/get-item.query';

/** The evidence row of a file the item still holds (not deleted), or null. */
export async function findLiveEvidenceFile(
  db: DataSource,
  itemId: string,
  evidenceId: string,
): Promise<EvidenceEntity | null> {
  if (!isUuid(evidenceId)) return null;
  const evidence = await db
    .getRepository(EvidenceEntity)
    .findOneBy({ id: evidenceId, itemId, deletedAt: IsNull() });
  return evidence?.storageKey ? evidence : null;
}

export const evidenceNotFound = (evidenceId: string) =>
  new ApplicationError('EVIDENCE_NOT_FOUND', '佐证文件不存在或已删除：请刷新后查看。', { evidenceId });

/**
 * An evidence file of an item the user may see: its name, type and bytes. ITEM_NOT_FOUND (404)
 * out of scope; EVIDENCE_NOT_FOUND (404) for an unknown or deleted file.
 */
export async function readEvidence(
  db: DataSource,
  store: EvidenceFileStore,
  userId: string,
  itemId: string,
  evidenceId: string,
): Promise<{ fileName: string; mimeType: string; bytes: Buffer }> {
  await assertItemVisible(db, userId, itemId);
  const evidence = await findLiveEvidenceFile(db, itemId, evidenceId);
  if (!evidence?.storageKey) throw evidenceNotFound(evidenceId);
  const bytes = await store.read(evidence.storageKey).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') throw evidenceNotFound(evidenceId);
    throw err;
  });
  return {
    fileName: evidence.fileName ?? 'evidence',
    mimeType: evidence.mimeType ?? 'application/octet-stream',
    bytes,
  };
}
