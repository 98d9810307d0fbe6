import { viewerHolding } from '../testing/viewer-holding';
import { requireSystemAccess } from './require-system-access';

const ROOT = { id: 'r', path: '/r/' };
const TOWN = { id: 't', path: '/r/t/' };

describe('requireSystemAccess', () => {
  it('lets the root administrator through', () => {
    expect(() => requireSystemAccess(viewerHolding('a', 'admin', ROOT), 'MANAGE_QUEUES')).not.toThrow();
  });

  it('refuses anyone else, a subtree administrator too, with ADMIN_ONLY and a message naming what was refused', () => {
    expect(() => requireSystemAccess(viewerHolding('s', 'supervisor', ROOT), 'READ_DEV_MAILBOX')).toThrow(
      expect.objectContaining({
        code: 'ADMIN_ONLY',
        message: '只有最高级管理员（根组织的管理员）可以查看开发邮箱：请联系管理员。',
      }),
    );
    expect(() => requireSystemAccess(viewerHolding('t', 'admin', TOWN), 'MANAGE_QUEUES')).toThrow(
      expect.objectContaining({
        code: 'ADMIN_ONLY',
        message: '只有最高级管理员（根组织的管理员）可以查看和管理任务队列：请联系管理员。',
      }),
    );
  });
});
