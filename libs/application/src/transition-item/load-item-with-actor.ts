import { type ItemCommandSession, type ItemForCommand } from '@rectify/persistence';
import { actorFor, mayReadItem, SYSTEM_WORKFLOW_ACTOR, type WorkflowActor } from '@rectify/workflow';
import { isUuid } from '../common/is-uuid';
import { ApplicationError } from '../errors/application-error';

/** The system itself (reconciliation, reminders) acts without a user account. */
export const SYSTEM_ACTOR_ID = 'system';

export interface LoadItemOptions {
  /**
   * Answer ITEM_NOT_FOUND, never ACTOR_NOT_PERMITTED, when the person may not even read the
   * item (mayReadItem), with one message for "absent" and "out of scope": what the API does, so
   * nothing about an item out of scope leaks. The operator's CLI leaves it off.
   */
  hideOutOfScope?: boolean;
}

const NOT_FOUND = '整改事项不存在：请检查编号。';
const NOT_VISIBLE = '整改事项不存在，或不在您的管理范围内：请检查编号。';

/**
 * The item and who the actor is, seen from the item's organisation (actorFor: the capacities
 * their positions give them there), in one query of `session`. Throws USER_NOT_FOUND for an unknown actor
 * (not the system) and ITEM_NOT_FOUND for an unknown item, or, with hideOutOfScope, one the
 * person may not read.
 */
export async function loadItemWithActor(
  session: ItemCommandSession,
  itemId: string,
  actorUserId: string,
  options: LoadItemOptions = {},
): Promise<{ item: ItemForCommand; actor: WorkflowActor }> {
  const notFound = () =>
    new ApplicationError('ITEM_NOT_FOUND', options.hideOutOfScope ? NOT_VISIBLE : NOT_FOUND, { itemId });
  const isSystem = actorUserId === SYSTEM_ACTOR_ID;
  if (!isSystem && !isUuid(actorUserId)) throw userNotFound(actorUserId);
  if (!isUuid(itemId)) throw notFound();
  const loaded = await session.loadItemWithActor(itemId, isSystem ? null : actorUserId);
  if (!loaded) throw notFound();
  const { item } = loaded;
  if (isSystem) return { item, actor: SYSTEM_WORKFLOW_ACTOR };
  if (!loaded.actor) throw userNotFound(actorUserId);
  const actor: WorkflowActor = actorFor(loaded.actor, item.organisationPath);
  if (options.hideOutOfScope && !mayReadItem(actor)) throw notFound();
  return { item, actor };
}

function userNotFound(userId: string): ApplicationError {
  return new ApplicationError('USER_NOT_FOUND', '操作人不存在：请重新登录或联系管理员。', { userId });
}
