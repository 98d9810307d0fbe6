import { parseReport } from './parse-report';
import { doc } from './parse-report.fixtures';

describe('parseReport: year and title', () => {
  it('reads the year from the title', () => {
    const r = parseReport(doc('某村党支部书记2023年度抓基层党建工作述职报告', '2024年，我们将继续努力。'));
    expect(r.year).toBe(2023);
    expect(r.title).toBe('某村党支部书记2023年度抓基层党建工作述职报告');
  });

  it('takes a Markdown level-1 heading as the title', () => {
    expect(parseReport('# XX医院党委2023年党建工作总结\n\n## 一、主要工作\n略。').title).toBe(
      'XX医院党委2023年党建工作总结',
    );
  });

  it('reads a year written in Chinese numerals', () => {
    expect(parseReport('二〇二三年度党支部工作总结\n正文。').year).toBe(2023);
  });

  it('reads the year from the opening text and ignores next year in the measures', () => {
    const r = parseReport(
      doc(
        '2024年，我支部坚持以学促干。',
        '二、存在问题',
        '一是学习不深。',
        '三、下步打算',
        '2025年，我们将加强学习；严格制度。',
      ),
    );
    expect(r.year).toBe(2024);
    expect(r.title).toBeNull();
  });

  it('reads the year the account of work mentions when the opening says 今年', () => {
    const r = parseReport(
      doc(
        '今年以来，支部扎实开展工作。',
        '一、主要工作',
        '制定了2023年工作要点，于2023年5月开展评议。',
        '二、下步打算',
        '2024年将继续。',
      ),
    );
    expect(r.year).toBe(2023);
  });

  it('says so when the year cannot be known', () => {
    const r = parseReport('支部工作总结\n今年以来，支部扎实开展工作。');
    expect(r.year).toBeNull();
    expect(r.warnings.join()).toContain('无法确定报告年度');
  });
});
