import { cleanOptionalText, cleanText, cleanTextDeep } from './clean-text';

describe('cleanText', () => {
  it('removes the C0 controls XML forbids and keeps tab, line feed and carriage return', () => {
    const controls = Array.from({ length: 32 }, (_, c) => String.fromCharCode(c))
      .filter((c) => !'\t\n\r\v\f'.includes(c))
      .join('');
    expect(cleanText(`整改${controls}措施\t一\r\n二`)).toBe('整改措施\t一\r\n二');
  });

  it('turns a vertical tab (Word line break) and a form feed (page break) into a line break', () => {
    expect(cleanText('第一行\u000b第二行\u000c第三行')).toBe('第一行\n第二行\n第三行');
  });

  it('removes U+FFFE and U+FFFF', () => {
    expect(cleanText('台账\uFFFE标题\uFFFF')).toBe('台账标题');
  });

  it('removes lone surrogates but keeps valid surrogate pairs such as emoji and rare characters', () => {
    expect(cleanText('a\uD800b\uDC00c')).toBe('abc');
    expect(cleanText('完成👍，𠀀字')).toBe('完成👍，𠀀字');
    expect(cleanText('\uDC00\uD83D\uDC4D\uD800')).toBe('👍');
  });

  it('leaves ordinary Chinese text, DEL and full-width punctuation unchanged', () => {
    const text = '一是学习不够深入；二是制度执行不严。（2024年）\u007f';
    expect(cleanText(text)).toBe(text);
  });
});

describe('cleanOptionalText', () => {
  it('cleans a string and passes null and undefined through', () => {
    expect(cleanOptionalText('张\u0007三')).toBe('张三');
    expect(cleanOptionalText(null)).toBeNull();
    expect(cleanOptionalText(undefined)).toBeUndefined();
  });
});

describe('cleanTextDeep', () => {
  it('cleans every string at any depth of a JSON-like value and keeps other values', () => {
    const payload = {
      note: '进展\u0008',
      measures: [{ title: '措施\uFFFF', responsible: '王五', deadline: '2024-06-30', n: 3, ok: true }],
      nothing: null,
    };
    expect(cleanTextDeep(payload)).toEqual({
      note: '进展',
      measures: [{ title: '措施', responsible: '王五', deadline: '2024-06-30', n: 3, ok: true }],
      nothing: null,
    });
  });

  it('does not change the value it was given', () => {
    const payload = { reason: '理由\u0007' };
    cleanTextDeep(payload);
    expect(payload.reason).toBe('理由\u0007');
  });

  it('returns non-plain objects such as dates as they are', () => {
    const at = new Date(0);
    expect(cleanTextDeep({ at }).at).toBe(at);
  });
});
