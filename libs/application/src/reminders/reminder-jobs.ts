import { REMINDER_KINDS, type ReminderKind, shanghaiInstant } from '@rectify/domain';

/** A reminder job carries ids only: the database owns the truth, the handler reloads it. */
export interface ReminderJobData {
  itemId: string;
  kind: ReminderKind;
  dueDate: string;
  sendOn: string;
}

export interface ReminderJobSpec {
  id: string;
  data: ReminderJobData;
  runAt: Date;
}

export interface DigestJobData {
  recipientId: string;
}

export interface DigestJobSpec {
  /** Also the ledger's `digest_key`: a retried digest re-sends exactly the rows it claimed. */
  id: string;
  data: DigestJobData;
  runAt: Date;
}

// BullMQ refuses ':' in custom job ids; the ids are deterministic so re-adding is harmless.
export function reminderJobId(d: ReminderJobData): string {
  return `reminder.${d.itemId}.${d.kind}.${d.dueDate}.${d.sendOn}`;
}

/** The reminder a job id names, or null for an id this project did not make. */
export function parseReminderJobId(id: string): ReminderJobData | null {
  const match = /^reminder\.([0-9a-f-]{36})\.([a-z_]+)\.(\d{4}-\d{2}-\d{2})\.(\d{4}-\d{2}-\d{2})$/.exec(id);
  if (!match || !REMINDER_KINDS.includes(match[2] as ReminderKind)) return null;
  return { itemId: match[1], kind: match[2] as ReminderKind, dueDate: match[3], sendOn: match[4] };
}

/**
 * A recipient's digest, named by the day and by how many of the recipient's ledger rows digests
 * have claimed so far (`claimedBefore`). Only a digest's claim changes that number: rows recorded
 * before the digest runs, by any number of batches at once, all name the same job; rows recorded
 * while it is being sent name the next one, so a follow-up digest is queued at once instead of
 * waiting for the sweeper. The id is also the rows' `digest_key`, so a retry re-sends exactly the
 * rows it claimed, and part of the email's Message-ID.
 */
export function digestJobId(recipientId: string, date: string, claimedBefore: number): string {
  return `digest.${recipientId}.${date}.${claimedBefore}`;
}

/**
 * The day's digest round (汇总): one job at the digest time that queues the digest of every
 * recipient with rows waiting then (QueueDigestRoundUseCase). A storm recorded before the digest
 * time adds this one job, not one per recipient; `date` is the Shanghai day (YYYY-MM-DD).
 */
export interface DigestRoundJobSpec {
  id: string;
  data: { date: string };
  runAt: Date;
}

/** The round of `date`, due at `digestTime` (an instant of that day). */
export function digestRoundJob(date: string, digestTime: Date): DigestRoundJobSpec {
  return { id: `digestround.${date}`, data: { date }, runAt: digestTime };
}

/** Reminder jobs fire at the start of their day; the digest collects them later that day. */
export function reminderJob(data: ReminderJobData): ReminderJobSpec {
  return { id: reminderJobId(data), data, runAt: shanghaiInstant(data.sendOn) };
}

/** Reminder jobs that will not run unless someone acts: gone from the queue, or failed for good. */
export interface LostReminderJobs {
  missing: string[];
  failed: string[];
}

/** The queues as the use cases see them; the worker implements this with BullMQ. */
export interface ReminderQueues {
  addReminders(jobs: ReminderJobSpec[]): Promise<void>;
  addDigests(jobs: DigestJobSpec[]): Promise<void>;
  /** Adds the day's digest round (a no-op while a job of that id is held). */
  addDigestRound(job: DigestRoundJobSpec): Promise<void>;
  /** Jobs that tell people of these history lines (events), one per line (see eventFanOutJobId). */
  addEventFanOuts(historyIds: string[]): Promise<void>;
  /**
   * Of these reminder job ids: those the queue holds in no state (`missing`), and those it
   * holds as failed, their attempts used up (`failed`).
   */
  findLostReminders(ids: string[]): Promise<LostReminderJobs>;
  /** Sends failed reminder jobs round again with their attempts reset; returns how many went. */
  retryFailedReminders(ids: string[]): Promise<number>;
  /** The digest ids among these that the queue does not hold in any state. */
  missingDigests(ids: string[]): Promise<string[]>;
  /** Whether the queue's store answers now (bounded wait): tells an outage from a refused job. */
  isReachable(): Promise<boolean>;
}
