import { parseReport } from './parse-report';
import { doc, titles, PERFORMANCE } from './parse-report.fixtures';

describe('parseReport: headings', () => {
  it.each([
    [
      '一、 with （一）items',
      doc(
        PERFORMANCE,
        '二、存在问题',
        '（一）理论学习不够深入。学用结合不紧。',
        '（二）组织生活不够规范。',
        '三、下步工作打算',
        '（一）加强学习。',
      ),
    ],
    [
      '1. items',
      doc(
        PERFORMANCE,
        '二、存在的问题和不足',
        '1.理论学习不够深入。学用结合不紧。',
        '2.组织生活不够规范。',
        '三、下一步工作措施',
        '1.加强学习。',
      ),
    ],
    [
      '1、 items',
      doc(
        PERFORMANCE,
        '二、问题和差距：',
        '1、理论学习不够深入。学用结合不紧。',
        '2、组织生活不够规范。',
        '三、整改措施',
        '1、加强学习。',
      ),
    ],
    [
      '(1) items',
      doc(
        PERFORMANCE,
        '二、不足之处',
        '(1)理论学习不够深入。学用结合不紧。',
        '(2)组织生活不够规范。',
        '三、今后努力方向',
        '(1)加强学习。',
      ),
    ],
    [
      '① items',
      doc(
        PERFORMANCE,
        '二、存在的不足及原因',
        '①理论学习不够深入。学用结合不紧。',
        '②组织生活不够规范。',
        '三、下步工作思路',
        '①加强学习。',
      ),
    ],
    [
      '第一， items',
      doc(
        PERFORMANCE,
        '二、存在问题',
        '第一，理论学习不够深入。学用结合不紧。',
        '第二，组织生活不够规范。',
        '三、下步打算',
        '第一，加强学习。',
      ),
    ],
    [
      'Markdown headings',
      doc(
        '# 2023年度述职报告',
        '## 一、主要工作',
        '略。',
        '## 二、存在问题',
        '1. **理论学习不够深入**具体表现在学用结合不紧。',
        '2. **组织生活不够规范**。',
        '## 三、下步打算',
        '- 加强学习。',
      ),
    ],
    [
      '2.1 numbering',
      doc(
        '1 主要工作',
        '1.1 加强学习。',
        '2 存在问题',
        '2.1 理论学习不够深入。学用结合不紧。',
        '2.2 组织生活不够规范。',
        '3 下步打算',
        '3.1 加强学习。',
      ),
    ],
    [
      'bare heading lines',
      doc(
        '今年以来，我们加强学习。',
        '存在的问题',
        '一是理论学习不够深入，学用结合不紧。二是组织生活不够规范。',
        '下一步工作打算',
        '加强学习。',
      ),
    ],
    [
      '第一部分 headings',
      doc(
        '第一部分 工作情况',
        '略。',
        '第二部分 存在问题',
        '（一）理论学习不够深入。学用结合不紧。',
        '（二）组织生活不够规范。',
        '第三部分 下步打算',
        '（一）加强学习。',
      ),
    ],
  ])('finds problems under %s', (_style, text) => {
    expect(titles(text)).toEqual(['理论学习不够深入', '组织生活不够规范']);
    expect(parseReport(text).measures.length).toBeGreaterThanOrEqual(1);
  });

  it('takes a numbered heading whose text starts with a year: 3、2024年工作打算', () => {
    const r = parseReport(
      doc(
        '1、主要工作',
        '略。',
        '2、存在问题',
        '（一）学习不够深入。',
        '3、2024年工作打算',
        '（一）加强学习。',
      ),
    );
    expect(r.sections.map((s) => s.kind)).toEqual(['performance', 'problems', 'measures']);
    expect(r.problems).toHaveLength(1);
  });

  it('takes a lone numbered problem with its detail paragraph as one problem', () => {
    const r = parseReport(
      doc(
        '二、存在问题',
        '对照要求，还有差距：',
        '1、网格化治理精细化程度不高',
        '网格信息平台数据更新不及时。',
      ),
    );
    expect(r.problems).toMatchObject([
      { seq: 1, title: '网格化治理精细化程度不高', detail: '网格信息平台数据更新不及时。' },
    ]);
  });

  it('reads 存在问题的原因 as causes and 存在问题及原因 as problems', () => {
    const r = parseReport(
      doc('二、存在问题及原因', '一是学习不深。', '三、存在问题的原因', '一是认识不到位。二是标准不高。'),
    );
    expect(r.sections.map((s) => s.kind)).toEqual(['problems', 'causes']);
    expect(r.causes).toHaveLength(2);
  });

  it('keeps the outer heading style when numbered problems also mention 问题', () => {
    const r = parseReport(
      doc(
        '1、主要工作',
        '（一）加强学习。',
        '2、问题和差距',
        '（一）党员教育管理不够严格。',
        '（二）党员队伍老化问题突出。',
        '3、今后努力方向',
        '（一）加强学习。',
      ),
    );
    expect(r.problems.map((p) => p.title)).toEqual(['党员教育管理不够严格', '党员队伍老化问题突出']);
  });

  it.each([
    ['需要改进的地方', 'problems'],
    ['对照检查发现的问题', 'problems'],
    ['问题清单', 'problems'],
    ['存在問題及原因分析', 'problems'],
    ['存在问题原因剖析', 'causes'],
    ['工作设想', 'measures'],
    ['下一步工作打算和措施', 'measures'],
    ['去年查摆问题整改落实情况', 'last_year_rectification'],
  ])('recognises the section heading 二、%s as %s', (heading, kind) => {
    const r = parseReport(
      doc('一、主要工作', '略。', `二、${heading}`, '一是学习不够深入。', '三、下步打算', '一是加强学习。'),
    );
    expect(r.sections[1]).toEqual({ kind, heading: `二、${heading}` });
  });

  it('reads headings numbered 一 with only a space, and headings in 【】 brackets', () => {
    const spaced = parseReport(
      doc(
        '一 主要工作',
        '略。',
        '二 存在的问题和不足',
        '（一）在理论学习方面，系统性不强。',
        '（二）作风不够扎实。',
        '三 下一步工作打算',
        '（一）强化理论武装。',
      ),
    );
    expect(spaced.sections.map((s) => s.kind)).toEqual(['performance', 'problems', 'measures']);
    expect(spaced.problems.map((p) => p.title)).toEqual(['在理论学习方面，系统性不强', '作风不够扎实']);
    const bracketed = parseReport(
      doc(
        '【主要工作】',
        '略。',
        '【存在问题】',
        '1.学习不够深入。',
        '2.作风不够扎实。',
        '【下步打算】',
        '1.加强学习。',
      ),
    );
    expect(bracketed.problems).toHaveLength(2);
    expect(bracketed.measures).toHaveLength(1);
  });

  it('reads a heading followed by text on the same line', () => {
    expect(
      titles(doc('二、存在问题：一是理论学习不够深入。二是组织生活不够规范。', '三、下步打算：加强学习。')),
    ).toEqual(['理论学习不够深入', '组织生活不够规范']);
  });

  it('does not take a performance sub-heading that mentions 问题 for a problem section', () => {
    const r = parseReport(
      doc(PERFORMANCE, '（三）聚焦突出问题，开展专项整治。', '二、下步打算', '1.加强学习。'),
    );
    expect(r.problems).toEqual([]);
    expect(r.warnings.join()).toContain('未找到"存在问题"部分');
  });

  it('lists the sections it recognised, with their kinds', () => {
    const r = parseReport(
      doc(
        '一、上年度整改情况',
        '针对“学习不深”问题，已整改完成。',
        PERFORMANCE.replace('一、', '二、'),
        '三、存在问题',
        '一是学习不够深入。',
        '四、原因分析',
        '一是认识不到位。',
        '五、下步打算',
        '一是加强学习。',
      ),
    );
    expect(r.sections.map((s) => s.kind)).toEqual([
      'last_year_rectification',
      'performance',
      'problems',
      'causes',
      'measures',
    ]);
    expect(r.sections[2].heading).toBe('三、存在问题');
  });
});
