import { extractDecoded } from '../extract-report';
import { type DecodedReport } from '../decode/decode-report';

const TABLE = {
  sheet: '清单',
  rows: [
    ['青石村党支部2024年问题整改清单'],
    ['序号', '存在问题', '整改措施', '责任人', '整改时限', '进度'],
    ['1', '理论学习不深入，形式单一。', '1.制定计划。2.专题研讨。', '张三', '2024年6月底', '已完成'],
    ['2', '阵地利用率不高', '', '李四', '2024年13月', ''],
  ],
};

function decoded(over: Partial<DecodedReport>): DecodedReport {
  return { text: '', encoding: 'utf-8', format: 'xlsx', tables: [], warnings: [], ...over };
}

describe('extractDecoded with problem tables', () => {
  it('makes each table row a problem with tracking and its measures linked to it', () => {
    const r = extractDecoded(
      decoded({ text: '青石村党支部2024年问题整改清单', tables: [TABLE], warnings: ['读取提示'] }),
    );
    expect(r.kind).toBe('rectification_plan');
    expect(r.year).toBe(2024);
    expect(r.title).toBe('青石村党支部2024年问题整改清单');
    expect(r.problems.map((p) => [p.seq, p.title, p.basis, p.tracking?.row])).toEqual([
      [1, '理论学习不深入', 'table_row', 3],
      [2, '阵地利用率不高', 'table_row', 4],
    ]);
    expect(r.measures.map((m) => [m.seq, m.title, m.problemSeqs, m.basis])).toEqual([
      [1, '制定计划', [1], 'table_row'],
      [2, '专题研讨', [1], 'table_row'],
    ]);
    expect(r.warnings).toEqual([
      '工作表"清单"第4行：整改时限"2024年13月"不是有效日期，已保留原文，请导入后补填日期。',
      '问题清单中有 1 个问题没有填写整改措施：请导入后为这些问题补充措施。',
      '读取提示',
    ]);
  });

  it('drops the report parser’s "no problem section" warning when a Word table supplies the problems', () => {
    const r = extractDecoded(
      decoded({ format: 'docx', text: '2024年度整改方案', tables: [{ ...TABLE, sheet: null }] }),
    );
    expect(r.problems).toHaveLength(2);
    expect(r.kind).toBe('rectification_plan');
    expect(r.warnings.join('\n')).not.toContain('未找到"存在问题"');
  });

  it('continues the parser’s numbering after the problems of the text and keeps its kind', () => {
    const text =
      '2024年度党支部工作总结\n二、存在问题\n一是学习不够深入。二是制度执行不严。\n三、下步打算\n1.加强学习。';
    const r = extractDecoded(decoded({ format: 'docx', text, tables: [{ ...TABLE, sheet: null }] }));
    expect(r.kind).toBe('work_report');
    expect(r.problems.map((p) => p.seq)).toEqual([1, 2, 3, 4]);
    expect(r.problems[2]).toMatchObject({ title: '理论学习不深入', basis: 'table_row' });
    expect(r.measures.filter((m) => m.basis === 'table_row').map((m) => m.problemSeqs)).toEqual([[3], [3]]);
  });

  it('leaves tables without a problem header alone', () => {
    const r = extractDecoded(
      decoded({
        format: 'docx',
        text: '二、存在问题\n一是学习不够。',
        tables: [{ sheet: null, rows: [['姓名', '职务']] }],
      }),
    );
    expect(r.problems.map((p) => p.basis)).toEqual([expect.not.stringMatching('table_row')]);
  });
});
