import { chineseDate, chineseNumeral, clause, daysBetween, quoted } from './chinese-text';

describe('chinese text helpers', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [99, '九十九'],
    [100, '一百'],
    [105, '一百零五'],
    [112, '一百一十二'],
    [250, '二百五十'],
  ])('numbers list items: %i → %s', (n, text) => expect(chineseNumeral(n)).toBe(text));

  it('writes dates, clauses, quotes and day counts', () => {
    expect(chineseDate('2024-06-03')).toBe('2024年6月3日');
    expect(clause('  建立制度；。 ')).toBe('建立制度');
    expect(quoted('开展"主题教育"不平衡。')).toBe('“开展‘主题教育’不平衡”');
    expect(quoted('开展“主题教育”不平衡')).toBe('“开展‘主题教育’不平衡”');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});
