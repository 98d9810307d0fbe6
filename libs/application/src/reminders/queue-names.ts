/** The reminder queues, shared by the worker (which runs them) and the API (which shows them). */
export const REMINDER_QUEUES = {
  /** One job per item, reminder kind and due date, delayed until the day it is due. */
  reminders: 'reminders',
  /** One job per recipient and day: the digest email. */
  digests: 'digests',
  /** The repeatable sweeper that restores what Redis lost. */
  maintenance: 'maintenance',
} as const;

export type ReminderQueueName = (typeof REMINDER_QUEUES)[keyof typeof REMINDER_QUEUES];
