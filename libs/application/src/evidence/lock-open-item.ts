import { type EvidenceTransaction, type LockedItemRecord } from '@rectify/persistence';
import { RECTIFICATION_STATUS_LABELS } from '@rectify/workflow';
import { ApplicationError } from '../errors/application-error';
import { itemWithdrawn } from '../withdraw-item/item-withdrawn';

/**
 * Locks the item inside an evidence transaction so that limits are checked and a history line
 * written without a concurrent upload, deletion or sign-off slipping in between. Throws
 * ITEM_NOT_FOUND when the item is gone, and EVENT_NOT_ALLOWED_IN_STATE (409, with `refusal` as
 * the message) once it is signed off (销号): its evidence is then part of the record and can
 * neither grow nor shrink; ITEM_WITHDRAWN (409) while it is withdrawn (撤销).
 */
export async function lockOpenItem(
  tx: EvidenceTransaction,
  itemId: string,
  refusal: string,
): Promise<LockedItemRecord> {
  const item = await tx.lockItem(itemId);
  if (!item) throw new ApplicationError('ITEM_NOT_FOUND', '整改事项不存在：请检查编号。', { itemId });
  if (item.withdrawn) throw itemWithdrawn(itemId);
  if (item.status === 'completed') {
    throw new ApplicationError('EVENT_NOT_ALLOWED_IN_STATE', refusal, {
      currentStatus: item.status,
      currentStatusLabel: RECTIFICATION_STATUS_LABELS[item.status],
    });
  }
  return item;
}

/** EVIDENCE_NOT_FOUND (404): an unknown or deleted evidence file. */
export const evidenceNotFound = (evidenceId: string) =>
  new ApplicationError('EVIDENCE_NOT_FOUND', '佐证文件不存在或已删除：请刷新后查看。', { evidenceId });
