import { type ExtractedProblem, type ExtractionResult } from '@rectify/domain';
import { doubtfulFirst, formatExtractionSummary } from './format-extraction-summary';

const problem = (seq: number, title: string, judged: Partial<ExtractedProblem>): ExtractedProblem =>
  ({ seq, title, detail: '', ...judged }) as ExtractedProblem;

function result(problems: ExtractedProblem[]): ExtractionResult {
  return {
    kind: 'work_report',
    year: 2023,
    title: '2023年度述职报告',
    encoding: 'utf-8',
    warnings: [],
    sections: [],
    problems,
    causes: [],
    measures: [
      { seq: 1, title: '加强学习', detail: '', problemSeqs: [1], basis: 'paragraph', confidence: 0.4 },
    ],
    lastYearRectification: [],
  };
}

describe('formatExtractionSummary', () => {
  it('lists doubtful problems first, marked 待核对 with the reason they were taken', () => {
    const summary = formatExtractionSummary(
      'r.txt',
      result([
        problem(1, '理论学习不够深入', { basis: 'numbered_item', confidence: 0.9 }),
        problem(2, '制度执行不严', { basis: 'separated_clauses', confidence: 0.55 }),
        problem(3, '作用发挥不明显', { basis: 'inline_enumeration', confidence: 0.85 }),
        problem(4, '阵地建设滞后', { basis: 'paragraph', confidence: 0.4 }),
      ]),
    );
    const lines = summary.split('\n');
    const start = lines.findIndex((l) => l.startsWith('存在问题'));
    expect(lines[start]).toBe('存在问题（4个，其中2个待核对，列在前面）');
    expect(lines.slice(start + 1, start + 5)).toEqual([
      '   2. 制度执行不严  〔待核对 · 分句〕',
      '   4. 阵地建设滞后  〔待核对 · 段落〕',
      '   1. 理论学习不够深入  〔编号条目〕',
      '   3. 作用发挥不明显  〔列举（一是…）〕',
    ]);
    expect(summary).toContain('| 〔待核对〕加强学习');
  });

  it('prints problems without basis or confidence as before, in their order', () => {
    const summary = formatExtractionSummary(
      'r.txt',
      result([problem(1, '学习不够深入', {}), problem(2, '制度执行不严', {})]),
    );
    expect(summary).toContain('存在问题（2个）\n   1. 学习不够深入\n   2. 制度执行不严\n');
  });
});

describe('doubtfulFirst', () => {
  it('keeps the order of equally sure items and does not change the list it was given', () => {
    const items = [
      { id: 'a', confidence: 0.9 },
      { id: 'b', confidence: 0.3 },
      { id: 'c' },
      { id: 'd', confidence: 0.69 },
      { id: 'e', confidence: 0.7 },
    ];
    expect(doubtfulFirst(items).map((i) => i.id)).toEqual(['b', 'd', 'a', 'c', 'e']);
    expect(items.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
