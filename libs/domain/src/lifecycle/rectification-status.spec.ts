import {
  isOpen,
  OPEN_STATUSES,
  RECTIFICATION_STATUS_LABELS,
  RECTIFICATION_STATUSES,
  REMINDED_STATUSES,
  SETTLED_STATUSES,
  STATUS_PROFILES,
} from './rectification-status';

describe('the lifecycle vocabulary', () => {
  it('splits every status into open or settled, once', () => {
    expect([...OPEN_STATUSES, ...SETTLED_STATUSES].sort()).toEqual([...RECTIFICATION_STATUSES].sort());
    // Statuses added later find their own side; these keep theirs.
    expect(OPEN_STATUSES).toEqual(expect.arrayContaining(['identified', 'measures_set', 'pending_review']));
    expect(SETTLED_STATUSES).toEqual(expect.arrayContaining(['completed', 'long_term']));
    expect(RECTIFICATION_STATUSES.filter(isOpen)).toEqual(OPEN_STATUSES);
  });

  it('reminds in measures_set and long_term only (the partial index assumes so)', () => {
    expect(REMINDED_STATUSES).toEqual(['measures_set', 'long_term']);
  });

  it('gives every status a Chinese name, and every open status its wording for documents', () => {
    for (const status of RECTIFICATION_STATUSES) {
      expect(RECTIFICATION_STATUS_LABELS[status]).toMatch(/\p{Script=Han}/u);
      const now = STATUS_PROFILES[status].now;
      if (isOpen(status)) {
        expect(now?.section).toMatch(/\p{Script=Han}/u);
        expect(now?.ledger).toMatch(/\p{Script=Han}/u);
      } else expect(now).toBeNull();
    }
  });
});
