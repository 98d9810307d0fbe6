import { parseReport } from './parse-report';
import { doc, measureTitles, titles } from './parse-report.fixtures';

describe('parseReport: what closes a report', () => {
  it.each([
    ['organisation and date', ['中共某村支部委员会', '2025年1月8日']],
    ['signer and date in Chinese numerals', ['述职人：王某', '二〇二五年一月']],
    [
      'a closing remark before the signature',
      ['以上报告，不妥之处请批评指正。', '汇报人：李某', '2025年1月'],
    ],
  ])('never takes the %s for a measure', (_name, closing) => {
    const r = parseReport(
      doc('一、存在问题', '1.学习不深入。', '二、整改措施', '1.制定学习计划。', ...closing),
    );
    expect(r.measures.map((m) => [m.title, m.detail])).toEqual([['制定学习计划', '']]);
  });
});

describe('parseReport: 整改方案 laid out per problem', () => {
  it('takes each problem heading with its 整改措施：, 责任人： and 完成时限： lines', () => {
    const r = parseReport(
      doc(
        '某支部关于2024年主题教育检视问题的整改方案',
        '一、整改任务',
        '（一）党员教育管理不够严格的问题',
        '整改措施：建立党员积分档案，每季度公示一次。',
        '责任人：王某',
        '完成时限：2025年3月底前',
        '（二）为民办实事成效不明显的问题',
        '整改措施：每名党员认领一件民生实事。',
        '责任领导：赵某',
        '完成时限：长期坚持',
      ),
    );
    expect(r.kind).toBe('rectification_plan');
    expect(
      r.problems.map((p) => [
        p.title,
        p.tracking?.owner ?? p.tracking?.responsibleLeader,
        p.tracking?.deadline,
      ]),
    ).toEqual([
      ['党员教育管理不够严格', '王某', '2025-03-31'],
      ['为民办实事成效不明显', '赵某', null],
    ]);
    expect(r.problems[1].tracking?.deadlineText).toBe('长期坚持');
    expect(r.measures.map((m) => [m.title, m.problemSeqs])).toEqual([
      ['建立党员积分档案，每季度公示一次', [1]],
      ['每名党员认领一件民生实事', [2]],
    ]);
    expect(r.warnings).toEqual([]);
  });
});

describe('parseReport: aspects and causes inside problems', () => {
  it('gives one problem per 一是… inside an aspect item (（一）组织建设方面。一是…；二是…)', () => {
    expect(
      titles(
        doc(
          '一、存在的问题',
          '（一）组织建设方面。一是支部换届不够及时；二是党小组作用发挥不充分。',
          '（二）纪律建设方面。一是廉政提醒不经常；二是制度执行有偏差。',
        ),
      ),
    ).toEqual(['支部换届不够及时', '党小组作用发挥不充分', '廉政提醒不经常', '制度执行有偏差']);
  });

  it('takes the problem, not the aspect, as the headline of 在…方面。存在…', () => {
    expect(
      titles(doc('一、存在的问题', '（一）在担当作为方面。遇到难题绕道走，攻坚克难的劲头不足。')),
    ).toEqual(['遇到难题绕道走']);
  });

  it('reads a cause a problem names (究其原因是… / 原因在于…) as a cause, and keeps the problem', () => {
    const r = parseReport(
      doc(
        '二、存在问题及原因',
        '一是台账管理混乱，究其原因是没有专人负责。二是学习流于形式，原因在于缺少检查。',
      ),
    );
    expect(r.problems.map((p) => p.title)).toEqual(['台账管理混乱', '学习流于形式']);
    expect(r.causes.map((c) => c.text)).toEqual(['没有专人负责', '缺少检查']);
  });
});

describe('parseReport: plans written as sentences', () => {
  it('splits imperative sentences after an intro sentence (2025年，我将重点抓好以下工作。…)', () => {
    expect(
      measureTitles(
        doc(
          '一、存在问题',
          '1.增收渠道单一。',
          '二、下步打算',
          '2025年，我将重点抓好以下工作。拓宽增收渠道，发展庭院经济。优化党员结构，培养青年骨干。',
        ),
      ),
    ).toEqual(['拓宽增收渠道，发展庭院经济', '优化党员结构，培养青年骨干']);
  });
});

describe('parseReport: a whole report on one line without gaps', () => {
  it('cuts before headings that follow a sentence end or a heading of their own', () => {
    const r = parseReport(
      '2024年党总支工作总结 一、主要工作（一）抓班子。二、存在的问题（一）议事规则执行不严。（二）党员联系群众不经常。三、下步打算（一）修订议事规则。（二）建立联系户制度。',
    );
    expect(r.title).toBe('2024年党总支工作总结');
    expect(r.problems.map((p) => p.title)).toEqual(['议事规则执行不严', '党员联系群众不经常']);
    expect(r.measures).toHaveLength(2);
  });
});
