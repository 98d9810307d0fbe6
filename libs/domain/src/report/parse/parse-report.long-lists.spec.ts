import { parseListMarker } from './list-marker';
import { parseReport } from './parse-report';
import { doc, measureTitles, titles } from './parse-report.fixtures';

/** 一 … 九千九百九十九, written the way reports number their items. */
function chineseNumeral(n: number): string {
  const digits = '零一二三四五六七八九';
  const units = ['', '十', '百', '千'];
  const parts: string[] = [];
  const s = String(n);
  let zero = false;
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    const unit = units[s.length - 1 - i];
    if (d === 0) {
      zero = parts.length > 0;
      continue;
    }
    if (zero) parts.push('零');
    zero = false;
    parts.push(d === 1 && unit === '十' && parts.length === 0 ? '十' : digits[d] + unit);
  }
  return parts.join('');
}

const problem = (i: number) => `第${i}个支部制度执行不够严格`;

describe('parseReport: numbered lists of any length', () => {
  it('gives 2,000 problems for a problems section numbered 1. to 2000., none folded into another', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `${i + 1}. ${problem(i + 1)}。`);
    const report = parseReport(doc('二、存在问题', ...lines, '三、下步打算', '1.加强学习。'));
    expect(report.problems).toHaveLength(2000);
    expect(report.problems[99].title).toBe(problem(100));
    expect(report.problems[1999]).toMatchObject({ seq: 2000, title: problem(2000), detail: '' });
    expect(report.problems.every((p) => !p.detail.includes('\n'))).toBe(true);
  });

  it('numbers past 99 in every Arabic style: 100、 (100) 100) 问题100：', () => {
    for (const marker of [
      (n: number) => `${n}、`,
      (n: number) => `(${n})`,
      (n: number) => `${n})`,
      (n: number) => `问题${n}：`,
    ]) {
      const lines = Array.from({ length: 120 }, (_, i) => `${marker(i + 1)}${problem(i + 1)}。`);
      expect(titles(doc('二、存在问题', ...lines))).toHaveLength(120);
    }
  });

  it('reads Chinese numerals beyond 九十九: （一百） （一百零一） … （二百三十四）', () => {
    const lines = Array.from({ length: 234 }, (_, i) => `（${chineseNumeral(i + 1)}）${problem(i + 1)}。`);
    const found = titles(doc('二、存在问题', ...lines));
    expect(found).toHaveLength(234);
    expect(found[99]).toBe(problem(100));
    expect(found[100]).toBe(problem(101));
  });

  it('splits inline enumerations past 九十九是 (一百是, 一百零一是)', () => {
    const text = Array.from({ length: 105 }, (_, i) => `${chineseNumeral(i + 1)}是${problem(i + 1)}。`).join(
      '',
    );
    expect(titles(doc('二、存在问题', text))).toHaveLength(105);
  });

  it('reads circled numbers past ⑳ (㉑ … ㊿) as items', () => {
    const circled = [
      ...Array.from({ length: 20 }, (_, i) => String.fromCharCode(0x2460 + i)),
      ...Array.from({ length: 15 }, (_, i) => String.fromCharCode(0x3251 + i)),
      ...Array.from({ length: 15 }, (_, i) => String.fromCharCode(0x32b1 + i)),
    ];
    const lines = circled.map((c, i) => `${c}${problem(i + 1)}。`);
    expect(measureTitles(doc('三、整改措施', ...lines))).toHaveLength(50);
  });

  it('keeps a line that starts with a year inside the item it continues', () => {
    const report = parseReport(
      doc(
        '二、存在问题',
        '1. 理论学习不够深入。',
        '2023、2024年连续两年学习计划未完成。',
        '2. 制度执行不够严格。',
      ),
    );
    expect(report.problems.map((p) => p.title)).toEqual(['理论学习不够深入', '制度执行不够严格']);
    expect(report.problems[0].detail).toContain('2023、2024年');
  });
});

describe('parseListMarker', () => {
  it.each([
    ['100. 问题', 'num'],
    ['2000、问题', 'num'],
    ['12345.问题', 'num'],
    ['(100)问题', 'pnum'],
    ['一百、问题', 'cn'],
    ['一百零一是问题', 'shi'],
    ['（一千二百）问题', 'pcn'],
    ['第一百部分 问题', 'part'],
    ['㉟问题', 'circ'],
    ['2.100 问题', 'dec'],
  ])('reads %s as a %s marker', (line, style) => {
    const key = line.replace('（', '(').replace('）', ')');
    expect(parseListMarker(key)?.style).toBe(style);
  });

  it.each([
    '2023年工作总结',
    '2023 年工作总结',
    '2023、2024年连续两年',
    '1.5%的党员未参加',
    '百姓关心的问题',
    '两学一做 常态化',
  ])('does not read %s as a list marker', (line) => {
    expect(parseListMarker(line)).toBeNull();
  });
});
