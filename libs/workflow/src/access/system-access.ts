import { isRootPath, type Viewer } from './organisation-relation';

/**
 * What a person may do with the running system itself rather than with its data: read the
 * development mailbox (开发邮箱) and watch and manage the job queues (任务队列).
 */
export type SystemAction = 'READ_DEV_MAILBOX' | 'MANAGE_QUEUES';

/** A 管理员 of a root organisation (the root administrator). */
const isRootAdministrator = (viewer: Viewer) =>
  viewer.positions.some((p) => p.kind === 'admin' && isRootPath(p.organisationPath));

/**
 * Who may do each system action: the root administrator only, as the mail and the queues belong
 * to every organisation at once (a subtree's administrator may not).
 */
const OPERATING_RULES: Record<SystemAction, (viewer: Viewer) => boolean> = {
  READ_DEV_MAILBOX: isRootAdministrator,
  MANAGE_QUEUES: isRootAdministrator,
};

/** May the viewer do `action` on the running system? */
export function mayOperateSystem(viewer: Viewer, action: SystemAction): boolean {
  return OPERATING_RULES[action](viewer);
}
