import { type ItemAccessState, type PendingExtension, type RectificationStatus } from '@rectify/workflow';
import { ApplicationError } from '../errors/application-error';

/**
 * The item as the access rules read it, from a stored row's status and context columns and
 * whether it is withdrawn (撤销; a withdrawal record or a flag, absent: not withdrawn).
 */
export function itemAccessState(row: {
  status: RectificationStatus;
  deadline: string | null;
  reviewIntervalDays: number | null;
  pendingExtension: unknown;
  withdrawn?: boolean | object | null;
}): ItemAccessState {
  return {
    withdrawn: Boolean(row.withdrawn),
    status: row.status,
    context: {
      deadline: row.deadline,
      reviewIntervalDays: row.reviewIntervalDays,
      pendingExtension: row.pendingExtension as PendingExtension | null,
    },
  };
}

/** Absent and out of scope read the same, so nothing about an item outside the scope leaks. */
export const itemNotFound = (itemId: string) =>
  new ApplicationError('ITEM_NOT_FOUND', '整改事项不存在，或不在您的管理范围内：请检查编号。', { itemId });
