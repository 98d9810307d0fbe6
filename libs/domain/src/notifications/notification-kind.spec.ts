import { describeNotification } from './describe-notification';
import { notificationKindOf } from './notification-kind';

describe('notificationKindOf', () => {
  it('names the lifecycle events that notify', () => {
    expect(notificationKindOf({ event: 'SUBMIT_COMPLETION', actorRole: 'secretary' })).toBe('submitted');
    expect(notificationKindOf({ event: 'RETURN_FOR_REWORK', actorRole: 'supervisor' })).toBe('returned');
    expect(notificationKindOf({ event: 'REQUEST_EXTENSION', actorRole: 'secretary' })).toBe(
      'extension_requested',
    );
    expect(notificationKindOf({ event: 'REJECT_EXTENSION', actorRole: 'admin' })).toBe('extension_refused');
  });

  it('counts a note or a new item only when it comes from above', () => {
    expect(notificationKindOf({ event: 'ADD_PROGRESS_NOTE', actorRole: 'supervisor' })).toBe(
      'supervision_comment',
    );
    expect(notificationKindOf({ event: 'ADD_PROGRESS_NOTE', actorRole: 'secretary' })).toBeNull();
    expect(notificationKindOf({ event: 'CREATE', actorRole: 'supervisor' })).toBe('item_created');
    expect(notificationKindOf({ event: 'CREATE', actorRole: 'secretary' })).toBeNull();
  });

  it('leaves out what tells nobody anything new', () => {
    for (const event of ['IMPORT', 'SET_MEASURES', 'UPDATE_DETAILS', 'ATTACH_EVIDENCE', 'WITHDRAW']) {
      expect(notificationKindOf({ event, actorRole: 'secretary' })).toBeNull();
    }
  });
});

describe('describeNotification', () => {
  const base = { itemTitle: '三会一课不规范', organisationName: '青石村党支部', actorName: '王书记' };

  it('quotes the reason of a return, shortened', () => {
    const text = describeNotification({ ...base, kind: 'returned', text: `佐证不足${'。'.repeat(200)}` });
    expect(text.headline).toBe('青石村党支部「三会一课不规范」被退回整改');
    expect(text.detail.startsWith('王书记 原因：佐证不足')).toBe(true);
    expect(text.detail.endsWith('…')).toBe(true);
  });

  it('gives the requested deadline of an extension request', () => {
    const text = describeNotification({
      ...base,
      kind: 'extension_requested',
      text: '等待设备',
      deadline: '2027-03-31',
    });
    expect(text.detail).toBe('王书记 申请延期至 2027-03-31，理由：等待设备');
  });

  it('words a deadline tier without an actor', () => {
    const text = describeNotification({ ...base, actorName: null, kind: 'overdue', deadline: '2026-11-20' });
    expect(text).toEqual({
      headline: '青石村党支部「三会一课不规范」已逾期（红灯）',
      detail: '整改时限 2026-11-20',
    });
  });
});
