import { parseReport } from './parse-report';
import { doc } from './parse-report.fixtures';

describe('parseReport: causes', () => {
  it('reads causes from a paragraph mixed into the problem section, not as problems', () => {
    const r = parseReport(
      doc(
        '二、存在问题及原因',
        '1.学习不够深入。',
        '2.制度执行不严。',
        '分析存在上述问题的主要原因：一是思想认识不到位。二是统筹兼顾有欠缺。',
      ),
    );
    expect(r.problems.map((p) => p.title)).toEqual(['学习不够深入', '制度执行不严']);
    expect(r.causes.map((c) => c.text)).toEqual(
      ['思想认识不到位。', '统筹兼顾有欠缺'].map((t) => t.replace(/。$/, '')),
    );
  });

  it('reads 究其原因 with numbered causes that follow', () => {
    const r = parseReport(
      doc(
        '二、存在问题',
        '一是学习不够深入。',
        '二是制度执行不严。',
        '究其原因，主要有以下几点：',
        '（一）思想认识不到位。',
        '（二）工作标准不高。',
      ),
    );
    expect(r.problems).toHaveLength(2);
    expect(r.causes.map((c) => c.text)).toEqual(['思想认识不到位', '工作标准不高']);
  });

  it('reads a cause section of its own', () => {
    const r = parseReport(
      doc(
        '二、存在问题',
        '一是学习不够深入。',
        '三、原因分析',
        '一是思想认识不到位。二是工作标准不高。',
        '四、整改措施',
        '一是加强学习。',
      ),
    );
    expect(r.causes).toHaveLength(2);
    expect(r.problems).toHaveLength(1);
  });
});
