import { type RectificationStatus } from '@rectify/domain';
import { RECTIFICATION_EVENT_TYPES, type RectificationEventType } from '../rectification-events';
import { allowedEvents, type ItemState } from '../rectification-transition';
import { actorIsAmong, mayActorSend, sendersLabel } from '../event-permissions';
import { type EventSender } from '../rectification-events';
import { type WorkflowActor } from '../workflow-actor';

/**
 * What a person may do to one rectification item (整改事项), besides the lifecycle events:
 * edit its ledger details (问题来源、责任领导), attach evidence (上传佐证), withdraw a mistaken
 * item (撤销) or restore a withdrawn one (恢复), delete an evidence file. Reading is a separate
 * question (mayReadItem): these are only asked of visible items.
 */
export const ITEM_ACTIONS = [
  ...RECTIFICATION_EVENT_TYPES,
  'EDIT_DETAILS',
  'ATTACH_EVIDENCE',
  'WITHDRAW',
  'RESTORE',
] as const;

export type ItemAction = (typeof ITEM_ACTIONS)[number];

/**
 * The part of an item the access rules read: its status and the machine's context, and whether
 * it is withdrawn (撤销; absent means not withdrawn).
 */
export type ItemAccessState = ItemState & { withdrawn?: boolean };

/** Who may withdraw (撤销) and restore (恢复) an item: the level above it or an administrator. */
export const WITHDRAW_SENDERS: readonly EventSender[] = ['ancestor_supervisor', 'admin'];

/** "上级党组织、管理员": who may withdraw or restore, for a refusal's message. */
export const WHO_MAY_WITHDRAW = sendersLabel(WITHDRAW_SENDERS);

/**
 * May the actor withdraw a mistaken item (撤销) or restore a withdrawn one (恢复): a supervisor of
 * an organisation above the item's (上级党组织) or an administrator; never the item's own
 * secretary, whose problem it is, nor the system. In any status: the item keeps it.
 */
export function mayWithdraw(actor: WorkflowActor): boolean {
  return actorIsAmong(actor, WITHDRAW_SENDERS);
}

/**
 * May the actor see the item at all (查看)? The system sees everything; a person when one of
 * their positions is in the item's organisation, or supervises or administers one above it
 * (actorFor works `reads` out). The SQL scope in libs/persistence applies the same rule inside
 * queries (tested against this function).
 */
export function mayReadItem(actor: WorkflowActor): boolean {
  return actor.reads || actor.senders.includes('system');
}

/**
 * May the actor edit the item's details (title, detail, 问题来源, 责任领导): an administrator,
 * whoever works the organisation's items (本组织书记), a supervisor above it, or the person who created the item by
 * hand (`createdBy`, a user id; null for imported items) as long as they can still see it. In any
 * status: the ledger is corrected after sign-off too.
 */
export function mayEditDetails(actor: WorkflowActor, createdBy: string | null = null): boolean {
  if (actorIsAmong(actor, ['admin', 'own_secretary', 'ancestor_supervisor'])) return true;
  const isSystem = actor.senders.includes('system');
  return createdBy !== null && !isSystem && actor.userId === createdBy && mayReadItem(actor);
}

/**
 * May the actor attach evidence (佐证材料): whoever may submit the completion, until sign-off
 * (销号), after which the evidence is part of the record.
 */
export function mayAttachEvidence(actor: WorkflowActor, status: RectificationStatus): boolean {
  return mayActorSend('SUBMIT_COMPLETION', actor) && status !== 'completed';
}

/**
 * May the actor delete one evidence file: the person who uploaded it or an administrator,
 * until sign-off. `uploadedBy` is the uploader's user id (null for imported evidence).
 */
export function mayDeleteEvidence(
  actor: WorkflowActor,
  status: RectificationStatus,
  uploadedBy: string | null,
): boolean {
  if (status === 'completed' || actor.senders.includes('system')) return false;
  return actor.senders.includes('admin') || (uploadedBy !== null && uploadedBy === actor.userId);
}

/**
 * Every action the actor may take on the item now, in ITEM_ACTIONS order: the lifecycle events
 * the machine accepts from them in this state, then EDIT_DETAILS and ATTACH_EVIDENCE (`createdBy`:
 * who created the item by hand, see mayEditDetails), then WITHDRAW (mayWithdraw). A withdrawn
 * item offers RESTORE alone (to whoever mayWithdraw): nothing else may be done to it. Empty for
 * an actor who may not read the item. The API sends this with each item, so clients never
 * work the rules out themselves.
 */
export function allowedItemActions(
  actor: WorkflowActor,
  item: ItemAccessState,
  createdBy: string | null = null,
): ItemAction[] {
  if (!mayReadItem(actor)) return [];
  if (item.withdrawn) return mayWithdraw(actor) ? ['RESTORE'] : [];
  const actions: ItemAction[] = allowedEvents(item, actor);
  if (mayEditDetails(actor, createdBy)) actions.push('EDIT_DETAILS');
  if (mayAttachEvidence(actor, item.status)) actions.push('ATTACH_EVIDENCE');
  if (mayWithdraw(actor)) actions.push('WITHDRAW');
  return actions;
}

/** True when `action` is a lifecycle event rather than one of the item's other actions. */
export function isLifecycleEvent(action: ItemAction): action is RectificationEventType {
  return (RECTIFICATION_EVENT_TYPES as readonly string[]).includes(action);
}
