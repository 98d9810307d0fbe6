import { findUnsafeInput, printable } from './unsafe-input';

const nested = (levels: number): unknown => {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

describe('findUnsafeInput', () => {
  it('passes ordinary Chinese text, numbers, booleans, null, tabs, line breaks and emoji', () => {
    expect(
      findUnsafeInput({
        title: '理论学习不够深入\t（一）\r\n😀',
        n: 1,
        ok: true,
        none: null,
        list: ['甲', 2],
      }),
    ).toBeNull();
  });

  it.each([
    ['\u0000', 'U+0000'],
    ['\u0008', 'U+0008'],
    ['\u000b', 'U+000B'],
    ['\u001f', 'U+001F'],
    ['\ufffe', 'U+FFFE'],
    ['\uffff', 'U+FFFF'],
    ['\ud83d', 'U+D83D'],
    ['x\ude00', 'U+DE00'],
  ])('finds %j and names it %s with the path of its field', (char, codePoint) => {
    expect(findUnsafeInput({ measures: [{ title: `a${char}` }] })).toEqual({
      kind: 'forbidden_character',
      path: 'measures[0].title',
      codePoint,
    });
  });

  it('checks object keys, and shows the bad character of a key as U+FFFD in the path', () => {
    expect(findUnsafeInput({ ['a\u0000']: 1 })).toEqual({
      kind: 'forbidden_character',
      path: 'a\ufffd',
      codePoint: 'U+0000',
    });
    expect(printable('a\u0000b\uffff')).toBe('a\ufffdb\ufffd');
  });

  it('allows the maximum depth and refuses one level more', () => {
    expect(findUnsafeInput(nested(32))).toBeNull();
    expect(findUnsafeInput(nested(33))).toEqual({ kind: 'too_deep', path: expect.any(String) });
  });

  it('walks a million levels without overflowing the stack', () => {
    expect(findUnsafeInput(nested(1_000_000))?.kind).toBe('too_deep');
  });

  it('checks a bare string, as a path parameter arrives', () => {
    expect(findUnsafeInput('\u0000')).toEqual({ kind: 'forbidden_character', path: '', codePoint: 'U+0000' });
  });
});
