import { beforeEach, describe, expect, it } from '@jest/globals';
import dayjs from 'dayjs';
import { drafts, hasContent } from './drafts';

// Node has no localStorage: the part of it the drafts use, kept in a Map.
const stored = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: {
    getItem: (k: string) => stored.get(k) ?? null,
    setItem: (k: string, v: string) => void stored.set(k, v),
    removeItem: (k: string) => void stored.delete(k),
    clear: () => stored.clear(),
  },
});

const key = { userId: 'u1', itemId: 'i1', form: 'RETURN_FOR_REWORK' };

describe('drafts of typed text', () => {
  beforeEach(() => localStorage.clear());

  it('keeps what was typed, per person, item and form, until cleared', () => {
    drafts.write(key, { reason: '佐证材料不全' });
    expect(drafts.read(key)).toEqual({ reason: '佐证材料不全' });
    expect(drafts.read({ ...key, userId: 'u2' })).toBeNull();
    expect(drafts.read({ ...key, form: 'note' })).toBeNull();
    drafts.clear(key);
    expect(drafts.read(key)).toBeNull();
  });

  it('keeps dates as days and drops blank values', () => {
    drafts.write(key, { measures: [{ title: '建立台账', deadline: dayjs('2026-12-31') }] });
    const back = drafts.read<{ measures: { deadline: dayjs.Dayjs }[] }>(key);
    expect(back?.measures[0].deadline.format('YYYY-MM-DD')).toBe('2026-12-31');
    drafts.write(key, { reason: '   ' });
    expect(drafts.read(key)).toBeNull();
    expect(hasContent({ measures: [{ title: '', deadline: null }] })).toBe(false);
  });
});
