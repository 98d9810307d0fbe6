// Another process's clock may run this far ahead of ours: a digest this close to its time may
// already be claiming rows, so it is asked about again.
const CLOCK_MARGIN_MS = 5_000;
// How often entries whose time has passed are dropped.
const PRUNE_EVERY_MS = 60_000;

/**
 * The digest jobs this process has queued that have not run yet, by recipient. A digest claims
 * every row of its recipient still waiting when it runs (SendDigestUseCase), so a batch of due
 * reminders whose recipient already has one ahead needs neither the ledger's count of claimed
 * rows nor another add to Redis: in a year-end storm each recipient's rows arrive over several
 * batches, and each asked the ledger again. Per process; holds at most the recipients with a
 * digest ahead (entries are dropped once their time has passed). A job removed from Redis behind
 * this memo's back is the sweeper's to restore, as before.
 */
export class QueuedDigests {
  private readonly runAt = new Map<string, number>();
  private prunedAt = 0;

  /** Whether this process queued a digest for `recipientId` that runs after `now` (by a margin). */
  isAhead(recipientId: string, now: Date): boolean {
    const at = this.runAt.get(recipientId);
    return at !== undefined && at - CLOCK_MARGIN_MS > now.getTime();
  }

  /** Notes digests queued (added to Redis) for these recipients, running at `runAt`. */
  note(recipientIds: readonly string[], runAt: Date, now: Date): void {
    if (now.getTime() - this.prunedAt >= PRUNE_EVERY_MS) {
      this.prunedAt = now.getTime();
      for (const [id, at] of this.runAt) if (at <= now.getTime()) this.runAt.delete(id);
    }
    for (const id of recipientIds) this.runAt.set(id, runAt.getTime());
  }
}
