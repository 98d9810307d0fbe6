import { MicroBatcher } from './micro-batcher';

describe('MicroBatcher', () => {
  it('runs calls made together as one batch and gives each its own result', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, number>(
      async (xs) => {
        batches.push(xs);
        return xs.map((x) => x * 10);
      },
      3,
      10,
    );
    const results = await Promise.all([1, 2, 3, 4].map((x) => batcher.submit(x)));
    expect(results).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('fails every call of a batch that fails, so each job is retried', async () => {
    const batcher = new MicroBatcher<number, number>(async () => Promise.reject(new Error('db down')), 10, 5);
    const outcomes = await Promise.allSettled([batcher.submit(1), batcher.submit(2)]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
  });
});
