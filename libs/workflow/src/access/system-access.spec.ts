import { mayOperateSystem, type SystemAction } from './index';

describe('system access', () => {
  it('lets only an administrator read the development mailbox and manage the queues', () => {
    const actions: SystemAction[] = ['READ_DEV_MAILBOX', 'MANAGE_QUEUES'];
    for (const action of actions) {
      expect({
        action,
        admin: mayOperateSystem({ role: 'admin' }, action),
        supervisor: mayOperateSystem({ role: 'supervisor' }, action),
        secretary: mayOperateSystem({ role: 'secretary' }, action),
      }).toEqual({ action, admin: true, supervisor: false, secretary: false });
    }
  });
});
