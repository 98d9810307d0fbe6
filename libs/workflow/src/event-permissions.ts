import { type EventSender, type RectificationEventType, eventProfile } from './rectification-events';
import { type WorkflowActor } from './workflow-actor';

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

function senderOf(actor: WorkflowActor): EventSender | null {
  if (actor.role === 'admin') return 'admin';
  if (actor.role === 'system') return 'system';
  if (actor.role === 'secretary' && actor.scope === 'own_organisation') return 'own_secretary';
  if (actor.role === 'supervisor' && actor.scope === 'ancestor_organisation') return 'ancestor_supervisor';
  return null;
}

/**
 * True when the actor's relation to the item (本组织书记、上级党组织、管理员、系统) is among
 * `senders`: for rules outside the machine that speak the senders' vocabulary (e.g. mayWithdraw).
 */
export function actorIsAmong(actor: WorkflowActor, senders: readonly EventSender[]): boolean {
  const sender = senderOf(actor);
  return sender !== null && senders.includes(sender);
}

/** "上级党组织、管理员" — the senders' names, for the reason a refused actor is given. */
export function sendersLabel(senders: readonly EventSender[]): string {
  return senders.map((s) => SENDER_LABELS[s]).join('、');
}

/** True when the actor's relation to the item is among the event's senders. */
export function mayActorSend(type: RectificationEventType, actor: WorkflowActor): boolean {
  const sender = senderOf(actor);
  return sender !== null && eventProfile(type).senders.includes(sender);
}

/** "上级党组织、管理员" — who may send the event, for the reason a refused actor is given. */
export function whoMaySend(type: RectificationEventType): string {
  return eventProfile(type)
    .senders.map((s) => SENDER_LABELS[s])
    .join('、');
}
