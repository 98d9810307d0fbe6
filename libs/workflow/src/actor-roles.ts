import { type ActorRole } from './workflow-actor';

/** Every capacity an event's sender can act in (see ActorRole); history lines record it. */
export const ACTOR_ROLES = [
  'secretary',
  'supervisor',
  'admin',
  'system',
] as const satisfies readonly ActorRole[];

/** Chinese name of each capacity, as history lines show it beside the person's name. */
export const ACTOR_ROLE_LABELS: Record<ActorRole, string> = {
  secretary: '本组织书记',
  supervisor: '上级党组织',
  admin: '管理员',
  system: '系统',
};
