import { type ActorRole } from './workflow-actor';

/** Every role an event's sender can have (see ActorRole); history lines record it. */
export const ACTOR_ROLES = [
  'secretary',
  'supervisor',
  'admin',
  'system',
] as const satisfies readonly ActorRole[];

/** Chinese name of each role, as history lines and user lists show it. */
export const ACTOR_ROLE_LABELS: Record<ActorRole, string> = {
  secretary: '支部书记',
  supervisor: '上级党组织',
  admin: '管理员',
  system: '系统',
};
