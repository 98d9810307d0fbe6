import { describe, expect, it } from '@jest/globals';
import dayjs from 'dayjs';
import { type ItemDetailResponse } from '../../api/rectify-api';
import { RECTIFICATION_EVENT_TYPES } from '../../api/generated/vocabulary';
import { initialValues, payloadKindOf, toPayload } from './event-form';

const item = { measures: [], reviewIntervalDays: null } as unknown as ItemDetailResponse;

describe('the event forms’ payloads', () => {
  it('sends measures with trimmed texts and dates as YYYY-MM-DD', () => {
    expect(
      toPayload('SET_MEASURES', {
        measures: [{ title: ' 建立台账 ', responsible: '李明 ', deadline: dayjs('2026-03-31') }],
      }),
    ).toEqual({ measures: [{ title: '建立台账', responsible: '李明', deadline: '2026-03-31' }] });
  });

  it('sends the id of a 责任人 picked from the organisation’s people, and none for a typed name', () => {
    expect(
      toPayload('SET_MEASURES', {
        measures: [
          { title: '建立台账', responsible: '张三', responsibleUserId: 'u-1', deadline: dayjs('2026-03-31') },
          {
            title: '专题学习',
            responsible: '老党员',
            responsibleUserId: null,
            deadline: dayjs('2026-03-31'),
          },
        ],
      }),
    ).toEqual({
      measures: [
        { title: '建立台账', responsible: '张三', responsibleUserId: 'u-1', deadline: '2026-03-31' },
        { title: '专题学习', responsible: '老党员', deadline: '2026-03-31' },
      ],
    });
  });

  it('starts from the current measures with their picked people', () => {
    const planned = {
      ...item,
      measures: [
        { seq: 1, title: '建立台账', responsible: '张三', responsibleUserId: 'u-1', deadline: '2026-03-31' },
      ],
    } as unknown as ItemDetailResponse;
    expect(initialValues('SET_MEASURES', planned).measures?.[0]).toMatchObject({
      responsible: '张三',
      responsibleUserId: 'u-1',
    });
  });

  it('leaves an empty approval comment out and keeps a written one', () => {
    expect(toPayload('APPROVE_COMPLETION', { comment: '  ' })).toEqual({});
    expect(toPayload('APPROVE_EXTENSION', { comment: ' 同意 ' })).toEqual({ comment: '同意' });
  });

  it('starts the measures form with one empty row and a long-term approval at 90 days', () => {
    expect(initialValues('SET_MEASURES', item).measures).toHaveLength(1);
    expect(initialValues('APPROVE_LONG_TERM', item)).toEqual({ reviewIntervalDays: 90 });
  });

  it('sends each event the fields of its payload kind, and nothing else', () => {
    const filled = {
      measures: [{ title: '建立台账', responsible: '李明', deadline: dayjs('2026-03-31') }],
      evidence: '已整改',
      reason: '理由',
      comment: '同意',
      note: '进展',
      reviewIntervalDays: 30,
      newDeadline: dayjs('2026-06-30'),
    };
    const fields = {
      measures: ['measures'],
      completion: ['evidence'],
      comment: ['comment'],
      reason: ['reason'],
      long_term: ['reason', 'reviewIntervalDays'],
      extension_request: ['newDeadline', 'reason'],
      note: ['note'],
    };
    for (const event of RECTIFICATION_EVENT_TYPES) {
      expect([event, Object.keys(toPayload(event, filled)).sort()]).toEqual([
        event,
        fields[payloadKindOf(event)],
      ]);
    }
  });

  it('suggests the approval’s usual comment', () => {
    expect(initialValues('APPROVE_COMPLETION', item)).toEqual({ comment: '同意销号' });
    expect(initialValues('APPROVE_EXTENSION', item)).toEqual({ comment: '同意延期' });
  });
});
