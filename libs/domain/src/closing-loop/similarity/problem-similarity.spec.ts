import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findRecurringProblems, RECURRENCE_THRESHOLD } from '../find-recurring-problems';
import { problemSimilarity } from './problem-similarity';

interface PairSet {
  same: [string, string][];
  different: [string, string][];
}

const load = (name: string): PairSet =>
  JSON.parse(readFileSync(resolve(__dirname, '../../../../../test/fixtures/similarity', name), 'utf8'));

/**
 * Quality floors on two sets of problem pairs: the tuning set the topic lexicon was built
 * against, and a held-out set written separately. `npm run bench:similarity` prints the figures.
 */
describe.each([
  ['tuning set', 'problem-pairs.json', 0.9, 0.05],
  ['held-out set', 'problem-pairs-holdout.json', 0.8, 0.1],
])('problemSimilarity on the %s', (_, file, minRecall, maxFalsePositiveRate) => {
  const pairs = load(file);

  it(`finds at least ${minRecall * 100}% of the same problems in new words`, () => {
    const found = pairs.same.filter(([a, b]) => problemSimilarity(a, b) >= RECURRENCE_THRESHOLD);
    expect(found.length / pairs.same.length).toBeGreaterThanOrEqual(minRecall);
  });

  it(`calls at most ${maxFalsePositiveRate * 100}% of different problems alike`, () => {
    const wrong = pairs.different.filter(([a, b]) => problemSimilarity(a, b) >= RECURRENCE_THRESHOLD);
    expect(wrong.length / pairs.different.length).toBeLessThanOrEqual(maxFalsePositiveRate);
  });
});

describe('problemSimilarity', () => {
  it('is symmetric, 1 for the same text and 0 for nothing in common', () => {
    const a = '理论学习不够深入系统';
    const b = '理论学习的深度和系统性仍有欠缺';
    expect(problemSimilarity(a, b)).toBe(problemSimilarity(b, a));
    expect(problemSimilarity(a, a)).toBe(1);
    expect(problemSimilarity(a, '')).toBe(0);
  });

  it('reads Traditional and Simplified alike', () => {
    expect(problemSimilarity('黨員隊伍結構老化', '党员队伍结构老化')).toBe(1);
  });

  it('keeps two problems apart that share the frame but not the topic', () => {
    expect(problemSimilarity('意识形态工作责任制落实不到位', '党风廉政建设责任制落实不到位')).toBeLessThan(
      RECURRENCE_THRESHOLD,
    );
  });
});

describe('findRecurringProblems', () => {
  it('links a new problem to the most alike earlier ones, most alike first', () => {
    const found = findRecurringProblems(
      [
        { itemId: 'n1', seq: 1, title: '党建工作与业务工作“两张皮”' },
        { itemId: 'n2', seq: 2, title: '发展党员程序不规范' },
      ],
      [
        { itemId: 'o1', year: 2022, title: '党建与业务融合不够', status: 'completed' },
        { itemId: 'o2', year: 2023, title: '党建和中心工作结合不紧', status: 'measures_set' },
        { itemId: 'o3', year: 2023, title: '阵地建设滞后', status: 'completed' },
      ],
    );
    expect(found.map((f) => [f.itemId, f.earlier.map((e) => e.itemId).sort()])).toEqual([
      ['n1', ['o1', 'o2']],
    ]);
    expect(found[0].earlier[0].score).toBeGreaterThanOrEqual(found[0].earlier[1].score);
  });
});
