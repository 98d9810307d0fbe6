import { notificationKindOf, NOTIFYING_EVENTS } from '@rectify/domain';
import { ACTOR_ROLES } from './actor-roles';
import { ITEM_ACTIONS } from './access/item-access';
import { RECTIFICATION_STATUSES } from './rectification-status';
import { RECTIFICATION_EVENT_TYPES } from './rectification-events';
import { rectificationMachine } from './rectification.machine';

/**
 * The machine and the vocabulary must name the same statuses and events: a status added to
 * libs/domain/src/lifecycle without a state here (or a state without a status) fails this test,
 * not a user.
 */
describe('the machine covers the vocabulary', () => {
  it('has one state per status, and no other', () => {
    expect(Object.keys(rectificationMachine.states).sort()).toEqual([...RECTIFICATION_STATUSES].sort());
  });

  it('handles every event type in some state, and offers each as an item action', () => {
    const handled = new Set(
      Object.values(rectificationMachine.states).flatMap((state) => Object.keys(state.on ?? {})),
    );
    expect([...RECTIFICATION_EVENT_TYPES].filter((type) => !handled.has(type))).toEqual([]);
    expect(ITEM_ACTIONS).toEqual(expect.arrayContaining([...RECTIFICATION_EVENT_TYPES]));
  });

  it('tells a supervisor’s note from the organisation’s own by the roles the history records', () => {
    expect(ACTOR_ROLES).toEqual(expect.arrayContaining(['secretary', 'supervisor']));
    expect(notificationKindOf({ event: 'ADD_PROGRESS_NOTE', actorRole: 'supervisor' })).toBe(
      'supervision_comment',
    );
    expect(notificationKindOf({ event: 'ADD_PROGRESS_NOTE', actorRole: 'secretary' })).toBeNull();
  });

  it('notifies only on events it has (the domain names them as text)', () => {
    expect(
      Object.keys(NOTIFYING_EVENTS).filter(
        (e) => !(RECTIFICATION_EVENT_TYPES as readonly string[]).includes(e),
      ),
    ).toEqual([]);
  });
});
