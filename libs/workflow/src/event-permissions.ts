import { type RectificationEventType } from './rectification-events';
import { type WorkflowActor } from './workflow-actor';

/**
 * Who may send each event. An item is not done because its owner says so: only a supervisor
 * of an ancestor organisation (or an administrator) signs it off (销号).
 */
type Sender = 'own_secretary' | 'ancestor_supervisor' | 'admin' | 'system';

const SENDERS: Record<RectificationEventType, readonly Sender[]> = {
  SET_MEASURES: ['own_secretary', 'admin'],
  SUBMIT_COMPLETION: ['own_secretary', 'admin'],
  APPROVE_COMPLETION: ['ancestor_supervisor', 'admin'],
  RETURN_FOR_REWORK: ['ancestor_supervisor', 'admin'],
  APPROVE_LONG_TERM: ['ancestor_supervisor', 'admin'],
  RECORD_LONG_TERM_REVIEW: ['own_secretary', 'admin'],
  REQUEST_EXTENSION: ['own_secretary'],
  APPROVE_EXTENSION: ['ancestor_supervisor', 'admin'],
  REJECT_EXTENSION: ['ancestor_supervisor', 'admin'],
  REOPEN: ['ancestor_supervisor', 'admin', 'system'],
  ADD_PROGRESS_NOTE: ['own_secretary', 'ancestor_supervisor', 'admin'],
};

const SENDER_LABELS: Record<Sender, string> = {
  own_secretary: '本组织书记',
  ancestor_supervisor: '上级党组织',
  admin: '管理员',
  system: '系统',
};

function senderOf(actor: WorkflowActor): Sender | null {
  if (actor.role === 'admin') return 'admin';
  if (actor.role === 'system') return 'system';
  if (actor.role === 'secretary' && actor.scope === 'own_organisation') return 'own_secretary';
  if (actor.role === 'supervisor' && actor.scope === 'ancestor_organisation') return 'ancestor_supervisor';
  return null;
}

export function mayActorSend(type: RectificationEventType, actor: WorkflowActor): boolean {
  const sender = senderOf(actor);
  return sender !== null && SENDERS[type].includes(sender);
}

/** "只有上级党组织、管理员可以审核销号" — the reason a refused actor is given. */
export function whoMaySend(type: RectificationEventType): string {
  return SENDERS[type].map((s) => SENDER_LABELS[s]).join('、');
}
