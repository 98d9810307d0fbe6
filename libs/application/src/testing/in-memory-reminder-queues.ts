import {
  type DigestJobSpec,
  type DigestRoundJobSpec,
  type LostReminderJobs,
  type ReminderJobSpec,
  type ReminderQueues,
} from '../reminders/reminder-jobs';

/**
 * ReminderQueues in memory, for unit tests: jobs by id (adding an id twice keeps the first, as
 * BullMQ does), reminder jobs that failed for good (`failed`), a store that does not answer
 * (`reachable = false`), and items whose jobs the store refuses (`refusedItems`).
 */
export class InMemoryReminderQueues implements ReminderQueues {
  readonly reminders = new Map<string, ReminderJobSpec>();
  readonly digests = new Map<string, DigestJobSpec>();
  readonly digestRounds = new Map<string, DigestRoundJobSpec>();
  /** History ids whose fan-out jobs were added. */
  readonly fanOuts = new Set<string>();
  /** Reminder job ids held as failed, their attempts used up. */
  readonly failed = new Set<string>();
  readonly refusedItems = new Set<string>();
  reachable = true;
  /** Calls to addReminders, with the number of jobs each. */
  readonly reminderBatches: number[] = [];

  async addReminders(jobs: ReminderJobSpec[]): Promise<void> {
    this.answer();
    this.reminderBatches.push(jobs.length);
    const refused = jobs.find((j) => this.refusedItems.has(j.data.itemId));
    if (refused) throw new Error(`job ${refused.id} refused`);
    for (const job of jobs) if (!this.reminders.has(job.id)) this.reminders.set(job.id, job);
  }

  async addDigests(jobs: DigestJobSpec[]): Promise<void> {
    this.answer();
    for (const job of jobs) if (!this.digests.has(job.id)) this.digests.set(job.id, job);
  }

  async addDigestRound(job: DigestRoundJobSpec): Promise<void> {
    this.answer();
    if (!this.digestRounds.has(job.id)) this.digestRounds.set(job.id, job);
  }

  async addEventFanOuts(historyIds: string[]): Promise<void> {
    this.answer();
    for (const id of historyIds) this.fanOuts.add(id);
  }

  async findLostReminders(ids: string[]): Promise<LostReminderJobs> {
    this.answer();
    return {
      missing: ids.filter((id) => !this.reminders.has(id)),
      failed: ids.filter((id) => this.reminders.has(id) && this.failed.has(id)),
    };
  }

  async retryFailedReminders(ids: string[]): Promise<number> {
    this.answer();
    const retried = ids.filter((id) => this.failed.delete(id));
    return retried.length;
  }

  /** Rounds too: BullMQ keeps them in the digests' queue. */
  async missingDigests(ids: string[]): Promise<string[]> {
    this.answer();
    return ids.filter((id) => !this.digests.has(id) && !this.digestRounds.has(id));
  }

  async isReachable(): Promise<boolean> {
    return this.reachable;
  }

  private answer(): void {
    if (!this.reachable) throw new Error('Connection is closed.');
  }
}
