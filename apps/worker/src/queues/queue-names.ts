import { type ReminderQueueName, REMINDER_QUEUES } from '@rectify/application';

/** The worker's queues and the job names each one carries. */
export const QUEUES = REMINDER_QUEUES;

export type QueueName = ReminderQueueName;

export const JOBS = {
  reminder: 'reminder',
  digest: 'digest',
  sweep: 'sweep',
} as const;

export type JobName = (typeof JOBS)[keyof typeof JOBS];

/** Which queue carries each job name: a start-up check matches it against the handlers. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  reminder: QUEUES.reminders,
  digest: QUEUES.digests,
  sweep: QUEUES.maintenance,
};
