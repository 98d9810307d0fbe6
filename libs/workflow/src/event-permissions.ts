import { type EventSender, type RectificationEventType, eventProfile } from './rectification-events';
import { type ActorRole, SENDER_ROLES, type WorkflowActor } from './workflow-actor';

/**
 * Who may send each event, from its profile's `senders`. An item is not done because its owner
 * says so: only a supervisor of an ancestor organisation (or an administrator) signs it off (销号).
 */
const SENDER_LABELS: Record<EventSender, string> = {
  own_secretary: '本组织书记',
  ancestor_supervisor: '上级党组织',
  admin: '管理员',
  system: '系统',
};

/** True when the actor holds at least one of `senders` towards the item. */
export function actorIsAmong(actor: WorkflowActor, senders: readonly EventSender[]): boolean {
  return actor.senders.some((s) => senders.includes(s));
}

/** "上级党组织、管理员" — the senders' names, for the reason a refused actor is given. */
export function sendersLabel(senders: readonly EventSender[]): string {
  return senders.map((s) => SENDER_LABELS[s]).join('、');
}

/** True when one of the actor's capacities towards the item is among the event's senders. */
export function mayActorSend(type: RectificationEventType, actor: WorkflowActor): boolean {
  return actorIsAmong(actor, eventProfile(type).senders);
}

/**
 * The capacity an action is recorded under (history `actor_role`): the first of the actor's
 * capacities, in the order own organisation, supervisor, administrator, system, that the action
 * accepts (`accepted`: an event's type, whose profile names its senders, or the senders a rule
 * outside the machine accepts, e.g. WHO_MAY_WITHDRAW); with nothing accepted (details, evidence),
 * the actor's first capacity, and 'supervisor' for someone who only reads (an item's creator
 * correcting it). Asked only after the rules let the actor act: an action the actor may not
 * take throws (a programming error).
 */
export function actingRole(
  actor: WorkflowActor,
  accepted?: RectificationEventType | readonly EventSender[],
): ActorRole {
  const senders = typeof accepted === 'string' ? eventProfile(accepted).senders : accepted;
  const order: EventSender[] = ['own_secretary', 'ancestor_supervisor', 'admin', 'system'];
  const sender = order.find((s) => actor.senders.includes(s) && (!senders || senders.includes(s)));
  if (sender) return SENDER_ROLES[sender];
  if (senders) throw new Error(`actingRole: ${actor.userId} may not act as ${senders.join('/')}`);
  return 'supervisor';
}

/** "上级党组织、管理员" — who may send the event, for the reason a refused actor is given. */
export function whoMaySend(type: RectificationEventType): string {
  return eventProfile(type)
    .senders.map((s) => SENDER_LABELS[s])
    .join('、');
}
