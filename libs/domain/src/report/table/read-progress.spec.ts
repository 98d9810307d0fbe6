import { readProgress } from './read-progress';

describe('readProgress', () => {
  it.each([
    ['已完成', 'completed'],
    ['已整改', 'completed'],
    ['完成', 'completed'],
    ['已销号', 'completed'],
    ['100%', 'completed'],
    ['长期坚持', 'long_term'],
    ['持续整改', 'long_term'],
    ['常态化', 'long_term'],
    ['正在整改', 'in_progress'],
    ['推进中', 'in_progress'],
    ['持续推进', 'in_progress'],
    ['未完成', 'in_progress'],
    ['部分完成', 'in_progress'],
    ['60%', 'in_progress'],
  ])('reads %s as %s', (cell, progress) => {
    expect(readProgress(cell)).toBe(progress);
  });

  it.each(['', '见附件', '待定'])('reads %j as no status', (cell) => {
    expect(readProgress(cell)).toBeNull();
  });
});
