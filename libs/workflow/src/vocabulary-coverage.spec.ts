import { notificationKindOf, NOTIFYING_EVENTS } from '@rectify/domain';
import { ACTOR_ROLES } from './actor-roles';
import { ITEM_ACTIONS } from './access/item-access';
import { RECTIFICATION_STATUSES } from './rectification-status';
import {
  EVENT_PROFILES,
  eventDoneIn,
  eventLabelIn,
  eventProfile,
  RECTIFICATION_EVENT_TYPES,
} from './rectification-events';
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

  it('tells the sender what each event did, in words of its own', () => {
    const done = RECTIFICATION_EVENT_TYPES.map((t) => EVENT_PROFILES[t].done);
    expect(new Set(done).size).toBe(done.length);
    expect(done.filter((d) => !d.startsWith('已') || d.includes('已完成'))).toEqual([]);
  });

  it('renames an event only in states that take it: 制定整改措施 adjusts the measures once they are set', () => {
    for (const type of RECTIFICATION_EVENT_TYPES) {
      for (const status of Object.keys(eventProfile(type).inStatus ?? {})) {
        const state = rectificationMachine.states[status as keyof typeof rectificationMachine.states];
        expect([type, Object.keys(state.on ?? {}).includes(type)]).toEqual([type, true]);
      }
    }
    expect([
      eventLabelIn('SET_MEASURES', 'identified'),
      eventLabelIn('SET_MEASURES', 'measures_set'),
    ]).toEqual(['制定整改措施', '调整整改措施']);
    expect(eventDoneIn('SET_MEASURES', 'measures_set')).toBe('已调整整改措施');
    expect(eventDoneIn('RETURN_FOR_REWORK', 'pending_review')).toBe('已退回整改');
  });
});
