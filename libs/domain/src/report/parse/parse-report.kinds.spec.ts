import { parseReport } from './parse-report';
import { doc } from './parse-report.fixtures';

describe('parseReport: progress reports (整改情况报告 / 通报)', () => {
  it('reads a 整改状态： field, 阶段性完成 as in progress and bare 完成 as completed', () => {
    const r = parseReport(
      doc(
        '关于2024年度巡察反馈问题整改进展情况的报告',
        '一、巡察反馈问题整改落实情况',
        '1.支部换届程序不规范',
        '整改状态：完成',
        '整改情况：按程序补充了换届请示和批复。',
        '2.党费使用不够规范',
        '整改状态：阶段性完成',
        '整改情况：已清理2023年支出，2024年票据仍在核对。',
        '3.制度建设有待加强',
        '整改状态：长期坚持',
      ),
    );
    expect(r.kind).toBe('rectification_progress');
    expect(r.lastYearRectification.map((e) => [e.problem, e.status])).toEqual([
      ['支部换届程序不规范', 'completed'],
      ['党费使用不够规范', 'in_progress'],
      ['制度建设有待加强', 'long_term'],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.warnings.join()).not.toContain('未找到"存在问题"');
  });

  it('takes the status from group headings 已完成整改的问题 / 正在整改的问题 / 需长期坚持整改的问题', () => {
    const r = parseReport(
      doc(
        '某街道党工委关于2024年巡察整改情况的通报',
        '现将整改情况通报如下。',
        '一、已完成整改的问题（1个）',
        '1.社区议事协商不经常。每月召开一次议事会。',
        '二、正在整改的问题',
        '2.物业矛盾调处不及时。调解室已建成，制度正在完善。',
        '三、需长期坚持整改的问题',
        '3.青年党员占比偏低。持续做好发展工作。',
      ),
    );
    expect(r.lastYearRectification.map((e) => [e.problem, e.status])).toEqual([
      ['社区议事协商不经常', 'completed'],
      ['物业矛盾调处不及时', 'in_progress'],
      ['青年党员占比偏低', 'long_term'],
    ]);
  });

  it('reads 关于“…”问题的整改 items under 在“…”方面 groups as last-year entries, not problems', () => {
    const r = parseReport(
      doc(
        '某局党组关于2024年巡察整改情况的通报',
        '（一）在“落实管党治党责任不到位”方面',
        '1.关于“谈心谈话开展不经常”问题的整改',
        '已整改完成。制定谈心谈话计划并按季度落实。',
        '（二）在“基层党建工作薄弱”方面',
        '2.关于“支部活动记录不全”问题的整改',
        '正在整改。已补齐上半年记录。',
      ),
    );
    expect(r.problems).toEqual([]);
    expect(r.lastYearRectification.map((e) => [e.problem, e.status])).toEqual([
      ['谈心谈话开展不经常', 'completed'],
      ['支部活动记录不全', 'in_progress'],
    ]);
  });

  it('keeps a 查摆问题整改情况 report whose problems carry no status as a work report with problems', () => {
    const r = parseReport(
      doc(
        '某党支部关于组织生活会查摆问题整改情况的报告',
        '一、查摆的问题',
        '1.学习制度落实不严格。',
        '2.党员联系群众不经常。',
        '二、整改措施',
        '1.每月通报学习情况。',
        '2.每名党员联系5户群众。',
      ),
    );
    expect(r.kind).toBe('work_report');
    expect(r.problems).toHaveLength(2);
    expect(r.lastYearRectification).toEqual([]);
  });
});

describe('parseReport: a progress 通报 written as running text', () => {
  it('reads each 关于…的问题，… entry of a paragraph with its status, and not the lead-in that counts them', () => {
    const r = parseReport(
      doc(
        '关于2024年度组织生活会查摆问题整改进展情况的通报',
        '组织生活会后，支委会针对查摆出的3个问题制定了整改清单，明确了完成时限。现通报如下。',
        '关于党员教育方式单一的问题，开展了“微党课”评比，已完成整改；关于阵地使用率低的问题，活动室已错时开放，但部分设施仍未配齐，正在持续推进；关于制度执行有偏差的问题，作为常态任务长期坚持。',
        '下一步，支部将巩固整改成果。',
      ),
    );
    expect(r.kind).toBe('rectification_progress');
    expect(r.lastYearRectification.map((e) => [e.problem, e.status])).toEqual([
      ['党员教育方式单一', 'completed'],
      ['阵地使用率低', 'in_progress'],
      ['制度执行有偏差', 'long_term'],
    ]);
    expect(r.problems).toEqual([]);
  });
});

describe('parseReport: document kinds', () => {
  it.each([
    ['某党支部书记2024年度抓基层党建工作述职报告', 'work_report'],
    ['某党支部班子2024年度组织生活会对照检查材料', 'inspection_material'],
    ['个人检视剖析发言提纲', 'inspection_material'],
    ['某党支部关于巡察反馈问题的整改方案', 'rectification_plan'],
  ])('reads %s as %s', (title, kind) => {
    expect(parseReport(doc(title, '一、存在问题', '1.学习不够深入。')).kind).toBe(kind);
  });
});

describe('parseReport: the year', () => {
  it('reads the year from an opening sentence with a lead clause (总的来看，在2023年里，…)', () => {
    expect(
      parseReport(
        doc(
          '村党支部书记述职报告',
          '总的来看，在2023年里，我们办成了几件实事。',
          '一、存在问题',
          '1.学习不够。',
        ),
      ).year,
    ).toBe(2023);
  });

  it('does not take a past event in the causes (2019年换届后) for the year: null with a warning', () => {
    const r = parseReport(
      doc(
        '村党支部书记述职报告',
        '一、存在问题',
        '1.班子凝聚力不强。',
        '二、原因分析',
        '自2019年换届后，班子成员分工一直没有调整。',
        '三、下步打算',
        '1.调整班子分工。',
      ),
    );
    expect(r.year).toBeNull();
    expect(r.warnings.join()).toContain('无法确定报告年度');
  });
});

describe('parseReport: warnings are never false', () => {
  const full = doc(
    '2024年度党建工作总结',
    '一、存在问题',
    '1.学习不够深入。',
    '二、下步打算',
    '1.制定学习计划。',
  );

  it('gives no 未找到 warning for a report that has a year, problems and measures', () => {
    expect(parseReport(full).warnings).toEqual([]);
  });

  it('warns 未找到年份 only when the year is absent', () => {
    expect(parseReport(full.replace('2024年度', '')).warnings.join()).toContain('无法确定报告年度');
  });

  it('warns 未找到存在问题 only when no problems are found', () => {
    const r = parseReport(doc('2024年度党建工作总结', '一、主要工作', '全年召开党员大会4次。'));
    expect(r.warnings.join()).toContain('未找到"存在问题"');
  });

  it('warns 未找到整改措施 only when the report has no measures, and says so differently when the section is there but empty', () => {
    const none = parseReport(doc('2024年度党建工作总结', '一、存在问题', '1.学习不够深入。'));
    expect(none.warnings.join()).toContain('未找到"下步工作打算"');
    const empty = parseReport(
      doc('2024年度党建工作总结', '一、存在问题', '1.学习不够深入。', '二、下步打算', '好。'),
    );
    expect(empty.warnings.join()).toContain('没有识别出具体措施');
  });
});

describe('parseReport: 对照检查材料 labelled per aspect', () => {
  const material = doc(
    '某党支部书记2024年度组织生活会对照检查材料',
    '1.政治方面',
    '存在问题：理论学习不够系统，满足于读原文。',
    '原因分析：学习的自觉性有所放松。',
    '整改措施：制定个人学习计划，每月写一篇体会。',
    '2.作风方面',
    '存在问题：深入基层调研偏少。',
    '原因：认为事务性工作更要紧。',
    '整改措施：每季度到联系点调研一次；建立调研问题清单。',
  );

  it('reads each aspect’s problem, cause and measures, and links the measures to their own aspect', () => {
    const r = parseReport(material);
    expect(r.kind).toBe('inspection_material');
    expect(r.problems.map((p) => p.title)).toEqual(['理论学习不够系统', '深入基层调研偏少']);
    expect(r.causes.map((c) => c.text)).toEqual(['学习的自觉性有所放松', '认为事务性工作更要紧']);
    expect(r.measures.map((m) => [m.title, m.problemSeqs])).toEqual([
      ['制定个人学习计划，每月写一篇体会', [1]],
      ['每季度到联系点调研一次', [2]],
      ['建立调研问题清单', [2]],
    ]);
  });

  it('keeps numbered problems apart when one of them carries a 原因： line', () => {
    const r = parseReport(
      doc(
        '二、存在问题',
        '1.学习不够深入。',
        '原因：工作任务重。',
        '2.阵地使用率不高。',
        '三、整改措施',
        '1.定期学习。',
      ),
    );
    expect(r.problems.map((p) => p.title)).toEqual(['学习不够深入', '阵地使用率不高']);
    expect(r.causes.map((c) => c.text)).toEqual(['工作任务重']);
  });
});
