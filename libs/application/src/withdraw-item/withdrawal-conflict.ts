import { type ItemCommandSession } from '@rectify/persistence';
import { RECTIFICATION_STATUS_LABELS } from '@rectify/workflow';
import { ApplicationError } from '../errors/application-error';

/**
 * ITEM_CHANGED (409) for a withdrawal or restoration whose version check failed: someone changed,
 * withdrew or restored the item meanwhile. Reads the current state on the command's own
 * connection (the embedded database has only one).
 */
export async function withdrawalConflict(
  session: ItemCommandSession,
  itemId: string,
): Promise<ApplicationError> {
  const current = await session.currentState(itemId);
  const label = current ? RECTIFICATION_STATUS_LABELS[current.status] : '未知';
  return new ApplicationError(
    'ITEM_CHANGED',
    `整改事项已被他人修改、撤销或恢复（当前状态："${label}"，版本 ${current?.version ?? '?'}）：请刷新后重新操作。`,
    { itemId, currentStatus: current?.status, version: current?.version },
  );
}
