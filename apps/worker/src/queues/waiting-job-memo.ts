/** Entries kept before the memo drops those whose run time has come (bounded memory). */
const MAX_ENTRIES = 100_000;

/**
 * The delayed jobs this process has added and that cannot have run yet, by job id. Adding a job
 * whose id exists is a no-op for BullMQ, but still a Lua script in Redis (and a `duplicated`
 * event): in a deadline storm every reminder batch names again the digest and robot jobs of the
 * batches before it, ten times as many adds as jobs. A delayed job does not run before its time,
 * so while that time is ahead (by `marginMs`) adding it again can be skipped. Only adds that
 * succeeded are remembered, so a failed add is tried again by the next batch; a job Redis lost
 * is the sweeper's to restore, as before.
 */
export class WaitingJobMemo {
  private readonly runAt = new Map<string, number>();

  /** @param marginMs how long before its time a job counts as possibly running (ms). */
  constructor(private readonly marginMs = 5_000) {}

  /** Whether `id` was added here to run at a time still more than the margin after `nowMs`. */
  isWaiting(id: string, nowMs: number): boolean {
    const at = this.runAt.get(id);
    return at !== undefined && at - this.marginMs > nowMs;
  }

  /** Notes jobs just added (their ids and run times, ms). */
  remember(jobs: { id: string; runAtMs: number }[], nowMs: number): void {
    if (this.runAt.size + jobs.length > MAX_ENTRIES) this.forgetDue(nowMs);
    if (this.runAt.size + jobs.length > MAX_ENTRIES) this.runAt.clear();
    for (const j of jobs) if (j.runAtMs - this.marginMs > nowMs) this.runAt.set(j.id, j.runAtMs);
  }

  /** How many jobs are remembered (for tests). */
  get size(): number {
    return this.runAt.size;
  }

  private forgetDue(nowMs: number): void {
    for (const [id, at] of this.runAt) if (at - this.marginMs <= nowMs) this.runAt.delete(id);
  }
}
