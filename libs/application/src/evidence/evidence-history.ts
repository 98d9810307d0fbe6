import { RECTIFICATION_STATUS_LABELS, type RectificationStatus, type WorkflowActor } from '@rectify/workflow';
import { type EntityManager } from 'typeorm';
import { ApplicationError } from '../errors/application-error';

/** The item row, locked for the rest of the transaction. */
export interface LockedItem {
  id: string;
  status: RectificationStatus;
}

/**
 * Locks the item (FOR UPDATE) so that evidence limits are checked and a history line written
 * without a concurrent upload, deletion or sign-off slipping in between. Throws ITEM_NOT_FOUND
 * when the item is gone, and EVENT_NOT_ALLOWED_IN_STATE (409) once it is signed off (销号):
 * its evidence is then part of the record and can neither grow nor shrink.
 */
export async function lockOpenItem(m: EntityManager, itemId: string, refusal: string): Promise<LockedItem> {
  const rows: LockedItem[] = await m.query(
    `SELECT id, status FROM rectification_item WHERE id = $1 FOR UPDATE`,
    [itemId],
  );
  const item = rows[0];
  if (!item) throw new ApplicationError('ITEM_NOT_FOUND', '整改事项不存在：请检查编号。', { itemId });
  if (item.status === 'completed') {
    throw new ApplicationError('EVENT_NOT_ALLOWED_IN_STATE', refusal, {
      currentStatus: item.status,
      currentStatusLabel: RECTIFICATION_STATUS_LABELS[item.status],
    });
  }
  return item;
}

/**
 * Appends a line to the item's history for an evidence change (ATTACH_EVIDENCE, DELETE_EVIDENCE):
 * the item's version goes up by one and the line's seq is the new version, as for every other
 * change, so the history stays gapless and clients holding the old version see a conflict.
 * Returns the new version. Call inside the transaction that holds lockOpenItem's lock.
 */
export async function appendEvidenceHistory(
  m: EntityManager,
  item: LockedItem,
  actor: WorkflowActor,
  event: 'ATTACH_EVIDENCE' | 'DELETE_EVIDENCE',
  payload: Record<string, unknown>,
): Promise<number> {
  const rows: { version: number }[] = await m.query(
    `WITH updated AS (
       UPDATE rectification_item SET version = version + 1, updated_at = now()
        WHERE id = $1 RETURNING id, status, version),
     history AS (
       INSERT INTO item_history (item_id, seq, actor_id, actor_role, event, from_status, to_status, payload)
       SELECT id, version, $2, $3, $4, status, status, $5 FROM updated)
     SELECT version FROM updated`,
    [item.id, actor.userId, actor.role, event, JSON.stringify(payload)],
  );
  return Number(rows[0].version);
}
