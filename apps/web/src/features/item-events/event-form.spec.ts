import { describe, expect, it } from '@jest/globals';
import dayjs from 'dayjs';
import { type ItemDetailResponse } from '../../api/rectify-api';
import { initialValues, toPayload } from './event-form';

const item = { measures: [], reviewIntervalDays: null } as unknown as ItemDetailResponse;

describe('the event forms’ payloads', () => {
  it('sends measures with trimmed texts and dates as YYYY-MM-DD', () => {
    expect(
      toPayload('SET_MEASURES', {
        measures: [{ title: ' 建立台账 ', responsible: '李明 ', deadline: dayjs('2026-03-31') }],
      }),
    ).toEqual({ measures: [{ title: '建立台账', responsible: '李明', deadline: '2026-03-31' }] });
  });

  it('leaves an empty approval comment out and keeps a written one', () => {
    expect(toPayload('APPROVE_COMPLETION', { comment: '  ' })).toEqual({});
    expect(toPayload('APPROVE_EXTENSION', { comment: ' 同意 ' })).toEqual({ comment: '同意' });
  });

  it('starts the measures form with one empty row and a long-term approval at 90 days', () => {
    expect(initialValues('SET_MEASURES', item).measures).toHaveLength(1);
    expect(initialValues('APPROVE_LONG_TERM', item)).toEqual({ reviewIntervalDays: 90 });
  });
});
