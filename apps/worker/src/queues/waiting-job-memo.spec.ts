import { WaitingJobMemo } from './waiting-job-memo';

describe('WaitingJobMemo', () => {
  const now = 1_000_000;

  it('skips a job added here while its run time is ahead by more than the margin', () => {
    const memo = new WaitingJobMemo(5_000);
    memo.remember([{ id: 'digest.a', runAtMs: now + 60_000 }], now);
    expect(memo.isWaiting('digest.a', now)).toBe(true);
    expect(memo.isWaiting('digest.a', now + 54_999)).toBe(true);
    // Within the margin the job may be running (or done and removed): add it again.
    expect(memo.isWaiting('digest.a', now + 55_000)).toBe(false);
    expect(memo.isWaiting('digest.b', now)).toBe(false);
  });

  it('does not remember a job due now or within the margin', () => {
    const memo = new WaitingJobMemo(5_000);
    memo.remember([{ id: 'robot.r.1', runAtMs: now + 4_000 }], now);
    expect(memo.isWaiting('robot.r.1', now)).toBe(false);
    expect(memo.size).toBe(0);
  });

  it('stays bounded: jobs whose time has come are dropped first, then everything', () => {
    const memo = new WaitingJobMemo(0);
    const many = (prefix: string, count: number, runAtMs: number) =>
      Array.from({ length: count }, (_, i) => ({ id: `${prefix}.${i}`, runAtMs }));
    memo.remember(many('soon', 60_000, now + 10), now);
    memo.remember(many('later', 60_000, now + 60_000), now + 20);
    expect(memo.size).toBe(60_000);
    expect(memo.isWaiting('later.1', now + 20)).toBe(true);
    memo.remember(many('last', 60_000, now + 60_000), now + 20);
    expect(memo.size).toBeLessThanOrEqual(100_000);
    expect(memo.isWaiting('last.59999', now + 20)).toBe(true);
  });
});
