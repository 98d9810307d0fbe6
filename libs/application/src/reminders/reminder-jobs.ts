import { type ReminderKind, shanghaiInstant } from '@rectify/domain';

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

export function digestJobId(recipientId: string, date: string): string {
  return `digest.${recipientId}.${date}`;
}

/** Reminder jobs fire at the start of their day; the digest collects them later that day. */
export function reminderJob(data: ReminderJobData): ReminderJobSpec {
  return { id: reminderJobId(data), data, runAt: shanghaiInstant(data.sendOn) };
}

/** The queues as the use cases see them; the worker implements this with BullMQ. */
export interface ReminderQueues {
  addReminders(jobs: ReminderJobSpec[]): Promise<void>;
  addDigests(jobs: DigestJobSpec[]): Promise<void>;
  /** The ids among these that the queue does not hold in any state. */
  missingReminders(ids: string[]): Promise<string[]>;
  missingDigests(ids: string[]): Promise<string[]>;
  /** Whether the queue's store answers now (bounded wait): tells an outage from a refused job. */
  isReachable(): Promise<boolean>;
}
