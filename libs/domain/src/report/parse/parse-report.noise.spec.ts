import { parseReport } from './parse-report';
import { doc } from './parse-report.fixtures';

describe('parseReport: noise and scripts', () => {
  it('keeps noise out of problems and measures', () => {
    const r = parseReport(
      doc(
        '二、存在问题',
        '一是学习不##paidbegin##够深入。（某某网原创，www.example.cn）',
        '【某某素材库】每天更新材料1000多篇，添加客服获取',
        '二是制度执行不严。（材料来源：【公众号：某某君】）',
        '三、下步打算',
        '1.加强学习。（某某网',
      ),
    );
    const all = JSON.stringify([r.problems, r.measures]);
    expect(r.problems.map((p) => p.title)).toEqual(['学习不够深入', '制度执行不严']);
    expect(all).not.toMatch(/paid|www|素材库|公众号|某某网/);
  });

  it('reads Traditional Chinese and keeps its script in the output', () => {
    const r = parseReport(
      doc(
        '2023年度黨支部書記述職報告',
        '二、存在問題',
        '（一）理論學習不夠深入。學用結合不緊。',
        '（二）組織生活不夠規範。',
        '三、下一步工作打算',
        '1.加強學習。',
      ),
    );
    expect(r.problems.map((p) => p.title)).toEqual(['理論學習不夠深入', '組織生活不夠規範']);
    expect(r.measures).toHaveLength(1);
    expect(r.sections.map((s) => s.kind)).toEqual(['problems', 'measures']);
  });

  it('returns an empty result with a warning for a text with no problem section', () => {
    const r = parseReport('一、主要工作\n全年组织学习12次。');
    expect(r.problems).toEqual([]);
    expect(r.warnings[0]).toContain('报告中未找到"存在问题"部分');
  });
});
