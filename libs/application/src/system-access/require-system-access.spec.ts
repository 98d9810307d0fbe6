import { requireSystemAccess } from './require-system-access';

describe('requireSystemAccess', () => {
  it('lets an administrator through', () => {
    expect(() => requireSystemAccess({ role: 'admin' }, 'MANAGE_QUEUES')).not.toThrow();
  });

  it('refuses anyone else with ADMIN_ONLY and a message naming what was refused', () => {
    expect(() => requireSystemAccess({ role: 'supervisor' }, 'READ_DEV_MAILBOX')).toThrow(
      expect.objectContaining({ code: 'ADMIN_ONLY', message: '只有管理员可以查看开发邮箱：请联系管理员。' }),
    );
    expect(() => requireSystemAccess({ role: 'secretary' }, 'MANAGE_QUEUES')).toThrow(
      expect.objectContaining({
        code: 'ADMIN_ONLY',
        message: '只有管理员可以查看和管理任务队列：请联系管理员。',
      }),
    );
  });
});
