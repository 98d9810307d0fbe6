import { mayOperateSystem, type SystemAction, type Viewer } from './index';

describe('system access', () => {
  const holding = (kind: 'admin' | 'secretary', path: string): Viewer => ({
    userId: 'u',
    positions: [{ organisationId: 'x', organisationPath: path, kind, rights: [] }],
  });

  it('lets only the root administrator read the development mailbox and manage the queues', () => {
    const actions: SystemAction[] = ['READ_DEV_MAILBOX', 'MANAGE_QUEUES'];
    for (const action of actions) {
      expect({
        action,
        root: mayOperateSystem(holding('admin', '/r/'), action),
        subtree: mayOperateSystem(holding('admin', '/r/t/'), action),
        secretary: mayOperateSystem(holding('secretary', '/r/'), action),
      }).toEqual({ action, root: true, subtree: false, secretary: false });
    }
  });
});
