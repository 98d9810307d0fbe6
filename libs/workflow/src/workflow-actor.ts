import { type EventSender } from './rectification-events';

/**
 * The capacity in which someone acted, as history lines record it (`actor_role`): for the item's
 * own organisation (本组织, who works the item), as a supervisor above it (上级党组织), as an
 * administrator, or the system itself (next-year reconciliation, the reminder worker).
 */
export type ActorRole = 'secretary' | 'supervisor' | 'admin' | 'system';

/**
 * Who sends an event, seen from one item: the user and every capacity they hold towards the
 * item (`senders`, from their positions: see actorFor in access), and whether they may see the
 * item at all (`reads`: any position in its organisation, or supervising or administering one
 * above). A person may hold several capacities at once (a 党总支书记 who is also 组织委员 of the
 * 党委 above works the 党总支's items and supervises them). The machine only checks them.
 */
export interface WorkflowActor {
  userId: string;
  senders: readonly EventSender[];
  reads: boolean;
}

/** The system itself: reconciliation and the reminder worker act without a user account. */
export const SYSTEM_WORKFLOW_ACTOR: WorkflowActor = { userId: 'system', senders: ['system'], reads: true };

/** The role a capacity is recorded as in history lines. */
export const SENDER_ROLES: Record<EventSender, ActorRole> = {
  own_secretary: 'secretary',
  ancestor_supervisor: 'supervisor',
  admin: 'admin',
  system: 'system',
};
