import { describe, expect, it } from '@jest/globals';
import { RECTIFICATION_EVENT_TYPES } from '../../api/generated/vocabulary';
import { eventDone, eventLabel } from './event-labels';

describe('event names and messages on an item', () => {
  it('says 调整整改措施 where the measures are set, 制定整改措施 before', () => {
    expect(eventLabel('SET_MEASURES', 'identified')).toBe('制定整改措施');
    expect(eventLabel('SET_MEASURES', 'measures_set')).toBe('调整整改措施');
    expect(eventDone('SET_MEASURES', 'measures_set')).toBe('已调整整改措施');
  });

  it('tells what each action did, differently for every action', () => {
    const messages = RECTIFICATION_EVENT_TYPES.map((e) => eventDone(e, 'pending_review'));
    expect(new Set(messages).size).toBe(messages.length);
    expect(messages).not.toContain('已完成');
    expect([
      eventDone('SUBMIT_COMPLETION', 'measures_set'),
      eventDone('RETURN_FOR_REWORK', 'pending_review'),
    ]).toEqual(['已提交销号申请，等待上级党组织审核', '已退回整改']);
  });
});
