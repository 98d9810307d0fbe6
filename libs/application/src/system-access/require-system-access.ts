import { mayOperateSystem, type SystemAction, type Viewer } from '@rectify/workflow';
import { ApplicationError } from '../errors/application-error';

/** What each system action is called in a refusal (只有管理员可以…). */
const ACTION_NAMES: Record<SystemAction, string> = {
  READ_DEV_MAILBOX: '查看开发邮箱',
  MANAGE_QUEUES: '查看和管理任务队列',
};

/**
 * Refuses `action` on the system (mayOperateSystem) to anyone but the root administrator.
 * `person` must carry the positions the database holds now, never those of a token.
 * @throws ApplicationError ADMIN_ONLY, naming the action refused
 */
export function requireSystemAccess(person: Viewer, action: SystemAction): void {
  if (!mayOperateSystem(person, action)) {
    throw new ApplicationError(
      'ADMIN_ONLY',
      `只有最高级管理员（根组织的管理员）可以${ACTION_NAMES[action]}：请联系管理员。`,
    );
  }
}
