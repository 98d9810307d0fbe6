import { mayOperateSystem, type SystemAction, type Viewer } from '@rectify/workflow';
import { ApplicationError } from '../errors/application-error';

/** What each system action is called in a refusal (只有管理员可以…). */
const ACTION_NAMES: Record<SystemAction, string> = {
  READ_DEV_MAILBOX: '查看开发邮箱',
  MANAGE_QUEUES: '查看和管理任务队列',
};

/**
 * Refuses `action` on the system (mayOperateSystem) to anyone but an administrator. `person.role`
 * must be the role the database holds now, never the one a token was issued with.
 * @throws ApplicationError ADMIN_ONLY, naming the action refused
 */
export function requireSystemAccess(person: Pick<Viewer, 'role'>, action: SystemAction): void {
  if (!mayOperateSystem(person, action)) {
    throw new ApplicationError('ADMIN_ONLY', `只有管理员可以${ACTION_NAMES[action]}：请联系管理员。`);
  }
}
