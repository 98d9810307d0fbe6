/**
 * The BullMQ queues, shared by the worker (which runs them) and the API (which shows them on its
 * dashboard and health check). A queue's name is also part of its Redis keys: renaming one
 * strands the jobs already in it.
 */
export const QUEUES = {
  /** One job per item, reminder kind and due date, delayed until the day it is due. */
  reminders: 'reminders',
  /** One job per recipient and day: the digest email; and the day's round that queues them. */
  digests: 'digests',
  /** The repeatable sweeper that restores what Redis lost. */
  maintenance: 'maintenance',
  /** Event fan-outs (one per history line), group-robot messages and notification emails. */
  notifications: 'notifications',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** The job names the worker has handlers for. */
export const JOBS = {
  reminder: 'reminder',
  digest: 'digest',
  digestRound: 'digest_round',
  sweep: 'sweep',
  notify: 'notify',
  robotBatch: 'robot_batch',
  robotRound: 'robot_round',
  noticeEmail: 'notice_email',
} as const;

export type JobName = (typeof JOBS)[keyof typeof JOBS];

/** Which queue carries each job name: a start-up check matches it against the handlers. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  reminder: QUEUES.reminders,
  digest: QUEUES.digests,
  digest_round: QUEUES.digests,
  sweep: QUEUES.maintenance,
  notify: QUEUES.notifications,
  robot_batch: QUEUES.notifications,
  robot_round: QUEUES.notifications,
  notice_email: QUEUES.notifications,
};
