import { type Viewer } from './organisation-relation';

/**
 * What a person may do with the running system itself rather than with its data: read the
 * development mailbox (开发邮箱) and watch and manage the job queues (任务队列).
 */
export type SystemAction = 'READ_DEV_MAILBOX' | 'MANAGE_QUEUES';

/** Who may do each system action, by role. */
const OPERATING_ROLES: Record<SystemAction, readonly Viewer['role'][]> = {
  READ_DEV_MAILBOX: ['admin'],
  MANAGE_QUEUES: ['admin'],
};

/**
 * May a person of this role do `action` on the system? Administrators only, wherever they sit
 * in the organisation tree: the mail and the queues belong to every organisation at once.
 */
export function mayOperateSystem(person: Pick<Viewer, 'role'>, action: SystemAction): boolean {
  return OPERATING_ROLES[action].includes(person.role);
}
