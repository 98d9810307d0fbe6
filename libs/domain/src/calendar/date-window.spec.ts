import { DATE_WINDOW, dayProblem, isDayInWindow, isYearInWindow } from './date-window';

describe('the date window', () => {
  it('accepts both edges of the window and refuses the days just outside it', () => {
    expect(isDayInWindow(DATE_WINDOW.first)).toBe(true);
    expect(isDayInWindow(DATE_WINDOW.last)).toBe(true);
    expect(isDayInWindow('1989-12-31')).toBe(false);
    expect(isDayInWindow('2101-01-01')).toBe(false);
  });

  it.each(['9999-12-31', '0000-01-01', '2025-02-30', '2025-06-30T00:00:00Z', '', 20250630, null])(
    'refuses %p',
    (value) => expect(isDayInWindow(value)).toBe(false),
  );

  it('explains an out-of-window day in Chinese, naming the field and the window', () => {
    const problem = dayProblem('9999-12-31', '完成时限');
    expect(problem).toContain('完成时限"9999-12-31"超出允许范围');
    expect(problem).toContain('1990-01-01 至 2100-12-31');
  });

  it('explains a malformed day in Chinese and says nothing about a good one', () => {
    expect(dayProblem('2025/06/30', '完成时限')).toContain('YYYY-MM-DD');
    expect(dayProblem('2025-06-30', '完成时限')).toBeNull();
  });

  it('accepts the years of the window only', () => {
    expect([1989, 1990, 2100, 2101, 2024.5].map(isYearInWindow)).toEqual([false, true, true, false, false]);
  });
});
