import { type RectificationStatus, type WorkflowActor } from '@rectify/workflow';
import { ApplicationError } from '../errors/application-error';
import { type PreparedSql } from './prepared-sql';
import { isUuid } from '../common/is-uuid';

/** The system itself (reconciliation, reminders) acts without a user account. */
export const SYSTEM_ACTOR_ID = 'system';

export interface LoadedItem {
  id: string;
  status: RectificationStatus;
  deadline: string | null;
  reviewIntervalDays: number | null;
  pendingExtension: unknown;
  version: number;
}

interface Row {
  id: string;
  status: RectificationStatus;
  deadline: string | null;
  review_interval_days: number | null;
  pending_extension: unknown;
  version: number;
  item_path: string;
  user_id: string | null;
  user_role: 'secretary' | 'supervisor' | 'admin' | null;
  user_path: string | null;
}

/**
 * The item and who the actor is, seen from the item's organisation, in one query: the
 * organisation tree's materialised paths tell own organisation, ancestor, or unrelated.
 */
export async function loadItemWithActor(
  sql: PreparedSql,
  itemId: string,
  actorUserId: string,
): Promise<{ item: LoadedItem; actor: WorkflowActor }> {
  const isSystem = actorUserId === SYSTEM_ACTOR_ID;
  if (!isSystem && !isUuid(actorUserId)) {
    throw new ApplicationError('USER_NOT_FOUND', '操作人不存在：请重新登录或联系管理员。', {
      userId: actorUserId,
    });
  }
  if (!isUuid(itemId))
    throw new ApplicationError('ITEM_NOT_FOUND', '整改事项不存在：请检查编号。', { itemId });
  const rows = await sql<Row>(
    'rectify.load_item_with_actor',
    `SELECT i.id, i.status, to_char(i.deadline, 'YYYY-MM-DD') AS deadline, i.review_interval_days,
            i.pending_extension, i.version, io.path AS item_path,
            u.id AS user_id, u.role AS user_role, uo.path AS user_path
       FROM rectification_item i
       JOIN organisation io ON io.id = i.organisation_id
       LEFT JOIN app_user u ON u.id = $2
       LEFT JOIN organisation uo ON uo.id = u.organisation_id
      WHERE i.id = $1`,
    [itemId, isSystem ? null : actorUserId],
  );
  const row = rows[0];
  if (!row) throw new ApplicationError('ITEM_NOT_FOUND', '整改事项不存在：请检查编号。', { itemId });
  const item: LoadedItem = {
    id: row.id,
    status: row.status,
    deadline: row.deadline,
    reviewIntervalDays: row.review_interval_days,
    pendingExtension: row.pending_extension,
    version: Number(row.version),
  };
  if (isSystem) return { item, actor: { userId: SYSTEM_ACTOR_ID, role: 'system', scope: 'unrelated' } };
  if (!row.user_id || !row.user_role || !row.user_path) {
    throw new ApplicationError('USER_NOT_FOUND', '操作人不存在：请重新登录或联系管理员。', {
      userId: actorUserId,
    });
  }
  const scope =
    row.user_path === row.item_path
      ? 'own_organisation'
      : row.item_path.startsWith(row.user_path)
        ? 'ancestor_organisation'
        : 'unrelated';
  return { item, actor: { userId: row.user_id, role: row.user_role, scope } };
}
