import { IMPORT_LIMITS } from './import-limits';
import { reportWorkInProgress, scoreRecurrenceWork } from './report-work-pool';
import { scorePairs, scoreRecurrence, type ScoreTask } from './score-recurrence';

const task: ScoreTask = {
  problems: [
    { itemId: 'new-1', seq: 1, title: '理论学习不够深入系统' },
    { itemId: 'new-2', seq: 2, title: '党费收缴不够及时' },
  ],
  year: 2023,
  earlier: [
    { itemId: 'old-1', year: 2022, title: '理论学习的深度和系统性仍有欠缺', status: 'completed' },
    { itemId: 'old-2', year: 2021, title: '组织生活会质量不高', status: 'completed' },
    { itemId: 'old-3', year: 2020, title: '党费收缴不及时', status: 'completed' },
  ],
  later: [{ itemId: 'later-1', seq: 4, title: '理论学习还不够深入' }],
};

describe('scorePairs', () => {
  it('counts every problem against every item of a side without candidate lists', () => {
    expect(scorePairs(task)).toBe(2 * 3 + 1 * 2);
  });

  it('counts only the listed candidates where there are lists', () => {
    expect(scorePairs({ ...task, earlierCandidates: [[0], [1, 2]], laterCandidates: [[0]] })).toBe(3 + 1);
  });
});

describe('scoreRecurrenceWork', () => {
  it('scores a small task in this thread, as the worker thread would', async () => {
    expect(scorePairs(task)).toBeLessThanOrEqual(IMPORT_LIMITS.inlineScorePairs);
    const scoring = scoreRecurrenceWork(task);
    // Nothing was handed to the worker threads.
    expect(reportWorkInProgress().score).toBe(0);
    expect(await scoring).toEqual(scoreRecurrence(task));
    expect((await scoring).recurring.map((r) => [r.itemId, r.earlier.map((e) => e.itemId)])).toEqual([
      ['new-1', ['old-1']],
      ['new-2', ['old-3']],
    ]);
  });
});
