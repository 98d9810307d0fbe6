import { readDeadline } from './read-deadline';

describe('readDeadline', () => {
  it.each([
    ['2024年6月底', '2024-06-30'],
    ['2024年6月底前', '2024-06-30'],
    ['2024.6.30', '2024-06-30'],
    ['2024-06-30', '2024-06-30'],
    ['2024/6/30', '2024-06-30'],
    ['20240630', '2024-06-30'],
    ['2024年6月30日', '2024-06-30'],
    ['２０２４年６月３０日', '2024-06-30'],
    ['2024年2月', '2024-02-29'],
    ['2024.9', '2024-09-30'],
    ['2024年12月', '2024-12-31'],
    ['2024年底', '2024-12-31'],
    ['2024年', '2024-12-31'],
    ['2024年上半年', '2024-06-30'],
    ['2024年第三季度', '2024-09-30'],
    ['2024年6月上旬', '2024-06-10'],
    ['2024年6月前', '2024-05-31'],
    ['2024年3月至6月', '2024-06-30'],
    ['2024.3-2024.6', '2024-06-30'],
    ['立行立改，2024年4月底前完成', '2024-04-30'],
    ['45473', '2024-06-30'],
  ])('reads %s as %s', (cell, date) => {
    expect(readDeadline(cell)).toEqual({ kind: 'date', date });
  });

  it.each(['立行立改', '长期坚持', '持续推进', '常态化开展', ''])(
    'reads %j as no date on purpose',
    (cell) => {
      expect(readDeadline(cell)).toEqual({ kind: 'none' });
    },
  );

  it('refuses days that do not exist and says which', () => {
    expect(readDeadline('2024年2月30日')).toEqual({ kind: 'unreadable', reason: '不是有效日期' });
  });

  it('refuses dates outside 1990–2100, written or as Excel serials', () => {
    for (const cell of ['9999-12-31', '1899年3月', '2101年1月']) {
      expect(readDeadline(cell)).toMatchObject({
        kind: 'unreadable',
        reason: expect.stringContaining('超出允许范围'),
      });
    }
    expect(readDeadline('99999')).toMatchObject({
      kind: 'unreadable',
      reason: expect.stringContaining('超出允许范围'),
    });
  });

  it('says a month without a year cannot be placed', () => {
    expect(readDeadline('6月底')).toEqual({ kind: 'unreadable', reason: '缺少年份' });
  });

  it('names the part of a longer cell that is wrong', () => {
    expect(readDeadline('2024年2月30日前完成')).toEqual({
      kind: 'unreadable',
      reason: '其中"2024年2月30日前"不是有效日期',
    });
  });

  it('says what to write for text that is no date', () => {
    expect(readDeadline('下周')).toMatchObject({
      kind: 'unreadable',
      reason: expect.stringContaining('2024年6月底'),
    });
  });
});
