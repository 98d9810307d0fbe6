import { formatCounter } from './number-format';

describe('formatCounter', () => {
  it.each([
    [
      'chineseCounting',
      [1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110],
      ['一', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一○○', '一○一', '一一○'],
    ],
    [
      'chineseCountingThousand',
      [1, 10, 12, 20, 99, 100, 101, 110, 111, 1000, 1001, 1010, 1100],
      [
        '一',
        '十',
        '十二',
        '二十',
        '九十九',
        '一百',
        '一百〇一',
        '一百一十',
        '一百一十一',
        '一千',
        '一千〇一',
        '一千〇一十',
        '一千一百',
      ],
    ],
    [
      'japaneseCounting',
      [1, 10, 11, 20, 100, 101, 120, 200, 1000],
      ['一', '十', '十一', '二十', '百', '百一', '百二十', '二百', '千'],
    ],
    ['ideographTraditional', [1, 2, 10, 11], ['甲', '乙', '癸', '11']],
    ['ideographZodiac', [1, 12], ['子', '亥']],
    ['chineseLegalSimplified', [1, 10, 23], ['壹', '拾', '贰拾叁']],
    ['decimalEnclosedCircle', [1, 20, 21, 35, 36, 50, 51], ['①', '⑳', '㉑', '㉟', '㊱', '㊿', '51']],
    ['decimalEnclosedParen', [1, 20, 21], ['⑴', '⒇', '21']],
    ['decimalEnclosedFullstop', [1, 20], ['⒈', '⒛']],
    ['ideographEnclosedCircle', [1, 10, 11], ['㈠', '㈩', '11']],
    ['decimalFullWidth', [9, 10], ['９', '１０']],
    ['decimalZero', [3, 12], ['03', '12']],
    ['upperLetter', [1, 26, 27, 53], ['A', 'Z', 'AA', 'AAA']],
    ['lowerLetter', [2, 28], ['b', 'bb']],
    ['upperRoman', [4, 9, 14, 1999], ['IV', 'IX', 'XIV', 'MCMXCIX']],
    ['lowerRoman', [3, 40], ['iii', 'xl']],
    ['decimal', [7, 1234], ['7', '1234']],
  ])('writes %s counters as Word displays them', (numFmt, values, expected) => {
    expect(values.map((n) => formatCounter(n, numFmt))).toEqual(expected);
  });

  it('writes a bullet as "•" whatever symbol the document names', () => {
    expect(formatCounter(3, 'bullet')).toBe('•');
  });

  it('falls back to decimal for a format it does not know, so the label is kept', () => {
    expect(formatCounter(5, 'hindiVowels')).toBe('5');
  });

  it('writes nothing for the format "none"', () => {
    expect(formatCounter(5, 'none')).toBe('');
  });
});
