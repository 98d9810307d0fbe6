import { parseReport } from './parse-report';
import { doc } from './parse-report.fixtures';

describe('parseReport: last year rectification', () => {
  it('reads one entry per 针对“…”问题 with its status', () => {
    const r = parseReport(
      doc(
        '一、上年度整改情况',
        '对照查摆的3个问题，制定整改措施6条，已整改完成1个，长期坚持整改1个。',
        '针对“学习不够深入”问题，建立学习制度，该问题已整改完成。',
        '针对“组织生活不规范”问题，完善制度，将长期坚持。',
        '针对“阵地建设滞后”问题，活动室正在改造，目前正在整改。',
        '针对“宣传不到位”问题，开设了宣传栏。',
        '二、存在问题',
        '一是作风不够扎实。',
      ),
    );
    expect(r.lastYearRectification.map((e) => [e.problem, e.status])).toEqual([
      ['学习不够深入', 'completed'],
      ['组织生活不规范', 'long_term'],
      ['阵地建设滞后', 'in_progress'],
      ['宣传不到位', 'unknown'],
    ]);
  });

  it.each([
    ['已销号', 'completed'],
    ['已完成', 'completed'],
    ['常抓不懈', 'long_term'],
    ['持续整改', 'long_term'],
    ['基本完成', 'in_progress'],
    ['整改中', 'in_progress'],
  ])('reads "%s" as %s', (wording, status) => {
    const r = parseReport(
      doc(
        '一、上年度问题整改落实情况',
        `1.学习不够深入。建立制度，${wording}。`,
        '二、存在问题',
        '一是作风不扎实。',
      ),
    );
    expect(r.lastYearRectification).toEqual([expect.objectContaining({ problem: '学习不够深入', status })]);
  });

  it('finds a 回头看 sub-section inside the account of work', () => {
    const r = parseReport(
      doc(
        '一、工作情况',
        '（一）加强学习。',
        '（二）巡视巡察整改“回头看”情况',
        '对照指出的2个问题，已整改完成1个。',
        '一是规范“三会一课”。已整改完成。',
        '二是加强档案管理，持续整改。',
        '二、存在问题',
        '一是作风不扎实。',
      ),
    );
    expect(r.lastYearRectification.map((e) => [e.problem, e.status])).toEqual([
      ['规范“三会一课”', 'completed'],
      ['加强档案管理', 'long_term'],
    ]);
    expect(r.problems).toHaveLength(1);
  });

  it('recognises a heading such as 2022年度述职评议问题整改情况', () => {
    const r = parseReport(
      doc(
        '一、2022年度述职评议问题整改情况',
        '针对“党员教育管理不严”问题，已整改完成。',
        '二、存在问题',
        '一是作风不扎实。',
      ),
    );
    expect(r.sections[0].kind).toBe('last_year_rectification');
    expect(r.lastYearRectification).toHaveLength(1);
  });
});
