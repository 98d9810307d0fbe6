import { completionRate, formatRate } from './completion-rate';

describe('completion rate', () => {
  it('is no rate for nothing to complete, shown as —, not 0.0%', () => {
    expect(completionRate(0, 0)).toBeNull();
    expect(formatRate(completionRate(0, 0))).toBe('—');
  });

  it('is a share rounded to one decimal of percent otherwise, 0 included', () => {
    expect(formatRate(completionRate(2, 5))).toBe('40.0%');
    expect(formatRate(completionRate(1, 6))).toBe('16.7%');
    expect(formatRate(completionRate(0, 3))).toBe('0.0%');
    expect(formatRate(completionRate(3, 3))).toBe('100.0%');
  });
});
