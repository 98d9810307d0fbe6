import { Inject, Injectable, Logger, type OnApplicationShutdown, Optional } from '@nestjs/common';
import {
  type BatchJobSpec,
  type DigestJobSpec,
  type DigestRoundJobSpec,
  eventFanOutJobId,
  type LostReminderJobs,
  type NotificationQueues,
  type ReminderJobSpec,
  type ReminderQueues,
  type RobotRoundJobSpec,
} from '@rectify/application';
import { type Clock } from '@rectify/domain';
import { isRedisReachable, JOBS, producerQueue, QUEUES, REDIS_LIMITS } from '@rectify/queue';
import { ErrorCode, Job, type JobsOptions, Queue } from 'bullmq';
import { type Redis } from 'ioredis';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config';
import { RedisOutageLog } from '../redis/redis-outage-log';
import { CLOCK } from '../reminders/reminder-settings.provider';
import { closeUnlessRedisIsAway } from './close-unless-redis-is-away';
import { WaitingJobMemo } from './waiting-job-memo';

const DAY_MS = 24 * 60 * 60 * 1000;
const CHUNK = 5000;
// ARGV: the queue's job key prefix, its failed set, then the job ids. Returns {missing, failed}.
const FIND_LOST_SCRIPT = `
local missing, failed = {}, {}
for i = 3, #ARGV do
  local id = ARGV[i]
  if redis.call('EXISTS', ARGV[1] .. id) == 0 then
    missing[#missing + 1] = id
  elseif redis.call('ZSCORE', ARGV[2], id) then
    failed[#failed + 1] = id
  end
end
return {missing, failed}`;
// Job options are built with Object.assign: `{ ...opts, jobId }` measured several times slower
// on Node 20, and the relay builds one for each of tens of thousands of reminders.
// Retries in flight at once: ioredis writes them without waiting for answers, so a chunk costs
// about one round trip.
const RETRY_CHUNK = 1000;

/** A job with a deterministic id, due at `runAt` (the product's clock). */
interface DelayedJobSpec {
  id: string;
  data: object;
  runAt: Date;
}

/** Failed jobs of a queue, newest first: `failedAt` is when each failed for good (ms). */
export interface FailedJobs {
  total: number;
  newest: { id: string; failedAt: number }[];
}

/**
 * The reminder use cases' queues, on BullMQ. Job ids are deterministic, so adding a job that
 * exists is a no-op: relaying or sweeping twice is harmless. Completed reminder jobs are kept
 * two weeks, so a job that already ran is not re-added by a second relay; digest jobs are
 * removed when done, so a late reminder can start a second digest the same day.
 */
@Injectable()
export class BullReminderQueues implements ReminderQueues, NotificationQueues, OnApplicationShutdown {
  private readonly logger = new Logger('queues');
  readonly reminders: Queue;
  readonly digests: Queue;
  readonly maintenance: Queue;
  readonly notifications: Queue;
  // Digest and batch jobs named again by every batch of a storm (see WaitingJobMemo).
  private readonly waiting = new WaitingJobMemo();

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    // Absent when a test or script builds the queues alone: errors are then logged as they come.
    @Optional() private readonly redisLog?: RedisOutageLog,
  ) {
    const location = { redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX };
    this.reminders = producerQueue(QUEUES.reminders, location);
    this.digests = producerQueue(QUEUES.digests, location);
    this.maintenance = producerQueue(QUEUES.maintenance, location);
    this.notifications = producerQueue(QUEUES.notifications, location);
    for (const q of this.all()) {
      q.on('error', (err) =>
        this.redisLog
          ? this.redisLog.noteError(`${q.name} queue`, err)
          : this.logger.warn(`${q.name}: ${err.message}`),
      );
    }
  }

  all(): Queue[] {
    return [this.reminders, this.digests, this.maintenance, this.notifications];
  }

  async addReminders(jobs: ReminderJobSpec[]): Promise<void> {
    const opts: JobsOptions = {
      attempts: this.config.REMINDER_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.config.REMINDER_BACKOFF_MS },
      removeOnComplete: { age: (14 * DAY_MS) / 1000 },
      removeOnFail: { age: (30 * DAY_MS) / 1000 },
    };
    for (let i = 0; i < jobs.length; i += CHUNK) {
      await this.reminders.addBulk(
        jobs.slice(i, i + CHUNK).map((j) => ({
          name: JOBS.reminder,
          data: j.data,
          opts: Object.assign({ jobId: j.id, delay: this.delayUntil(j.runAt) }, opts),
        })),
      );
    }
  }

  addDigests(jobs: DigestJobSpec[]): Promise<void> {
    return this.addOnce(this.digests, JOBS.digest, jobs, this.digestOptions());
  }

  /** Removed when done, like the digests: a process whose clock is behind may need it again. */
  addDigestRound(job: DigestRoundJobSpec): Promise<void> {
    return this.addOnce(this.digests, JOBS.digestRound, [job], this.digestOptions());
  }

  private digestOptions(): JobsOptions {
    return {
      attempts: this.config.DIGEST_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.config.DIGEST_BACKOFF_MS },
      removeOnComplete: true,
      // A digest that failed for an unexpected reason leaves its rows claimed: removing the job
      // lets the sweeper start it again.
      removeOnFail: true,
    };
  }

  /**
   * Fan-out jobs are kept a day once done, so a second relay of the same row adds nothing (the
   * fan-out is idempotent anyway: its rows have dedupe keys).
   */
  async addEventFanOuts(historyIds: string[]): Promise<void> {
    const opts: JobsOptions = {
      attempts: this.config.NOTIFY_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.config.NOTIFY_BACKOFF_MS },
      removeOnComplete: { age: DAY_MS / 1000 },
      removeOnFail: { age: (30 * DAY_MS) / 1000 },
    };
    for (let i = 0; i < historyIds.length; i += CHUNK) {
      await this.notifications.addBulk(
        historyIds.slice(i, i + CHUNK).map((historyId) => ({
          name: JOBS.notify,
          data: { historyId },
          opts: Object.assign({ jobId: eventFanOutJobId(historyId) }, opts),
        })),
      );
    }
  }

  addRobotBatches(jobs: BatchJobSpec[]): Promise<void> {
    return this.addBatches(JOBS.robotBatch, jobs);
  }

  addRobotRounds(jobs: RobotRoundJobSpec[]): Promise<void> {
    return this.addBatches(JOBS.robotRound, jobs);
  }

  addNoticeEmails(jobs: BatchJobSpec[]): Promise<void> {
    return this.addBatches(JOBS.noticeEmail, jobs);
  }

  // Removed when done: a slot's job may be needed again when a row arrives for a slot already sent.
  private addBatches(name: string, jobs: DelayedJobSpec[]): Promise<void> {
    return this.addOnce(this.notifications, name, jobs, {
      attempts: this.config.NOTIFY_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.config.NOTIFY_BACKOFF_MS },
      removeOnComplete: true,
      removeOnFail: { age: (30 * DAY_MS) / 1000 },
    });
  }

  /** Adds the jobs this process has not added already for a time still ahead (WaitingJobMemo). */
  private async addOnce(
    queue: Queue,
    name: string,
    jobs: DelayedJobSpec[],
    opts: JobsOptions,
  ): Promise<void> {
    const fresh = this.notWaiting(jobs);
    for (let i = 0; i < fresh.length; i += CHUNK) {
      const chunk = fresh.slice(i, i + CHUNK);
      await queue.addBulk(
        chunk.map((j) => ({
          name,
          data: j.data,
          opts: Object.assign({ jobId: j.id, delay: this.delayUntil(j.runAt) }, opts),
        })),
      );
      this.rememberWaiting(chunk);
    }
  }

  // Jobs this process added that cannot have run yet need no second add.
  private notWaiting<J extends { id: string }>(jobs: J[]): J[] {
    const now = this.clock.now().getTime();
    return jobs.filter((j) => !this.waiting.isWaiting(j.id, now));
  }

  private rememberWaiting(jobs: { id: string; runAt: Date }[]): void {
    this.waiting.remember(
      jobs.map((j) => ({ id: j.id, runAtMs: j.runAt.getTime() })),
      this.clock.now().getTime(),
    );
  }

  /**
   * One Lua script per 5,000 ids, run in Redis: does each job exist, and is it failed? The
   * sweeper asks this of every reminder the ledger expects, so at a province's scale it is
   * hundreds of thousands of ids: one command each (two, as it was) cost the worker more than
   * the answers.
   */
  async findLostReminders(ids: string[]): Promise<LostReminderJobs> {
    return this.probe(this.reminders, ids);
  }

  async retryFailedReminders(ids: string[]): Promise<number> {
    let retried = 0;
    for (let i = 0; i < ids.length; i += RETRY_CHUNK) {
      const outcomes = await Promise.allSettled(
        ids.slice(i, i + RETRY_CHUNK).map(async (id) => {
          const job = await Job.fromId(this.reminders, id);
          if (!job) return false;
          await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
          return true;
        }),
      );
      retried += outcomes.filter((o) => o.status === 'fulfilled' && o.value).length;
      const unexpected = outcomes.find((o) => o.status === 'rejected' && !isNotFailedAnyMore(o.reason));
      if (unexpected) throw (unexpected as PromiseRejectedResult).reason;
    }
    return retried;
  }

  /** How many reminder jobs are failed, and the newest `limit` of them with when they failed. */
  async failedReminders(limit: number): Promise<FailedJobs> {
    const client = await this.client(this.reminders);
    const key = this.reminders.keys.failed;
    const [total, flat] = await Promise.all([
      client.zcard(key),
      client.zrevrange(key, 0, limit - 1, 'WITHSCORES'),
    ]);
    const newest: FailedJobs['newest'] = [];
    for (let k = 0; k < flat.length; k += 2) newest.push({ id: flat[k], failedAt: Number(flat[k + 1]) });
    return { total, newest };
  }

  missingDigests(ids: string[]): Promise<string[]> {
    return this.missing(this.digests, ids);
  }

  /** Whether Redis answers a PING now; the connection's command timeout bounds the wait. */
  async isReachable(): Promise<boolean> {
    try {
      return await isRedisReachable(await this.client(this.reminders), REDIS_LIMITS.commandTimeoutMs);
    } catch {
      return false;
    }
  }

  /** Keeps the sweeper scheduled; called again now and then, since a flushed Redis forgets it. */
  async ensureSweeperScheduled(): Promise<void> {
    await this.maintenance.upsertJobScheduler(
      'reminder-sweeper',
      { every: this.config.SWEEP_EVERY_SECONDS * 1000 },
      { name: JOBS.sweep, opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
  }

  // ioredis is the driver here (@rectify/queue): its pipeline checks thousands of ids in one round trip.
  private async client(queue: Queue): Promise<Redis> {
    return (await queue.getBackend().client) as unknown as Redis;
  }

  private async missing(queue: Queue, ids: string[]): Promise<string[]> {
    return (await this.probe(queue, ids)).missing;
  }

  // Which of these jobs are gone, and which failed for good (FIND_LOST_SCRIPT, 5,000 ids a call).
  private async probe(queue: Queue, ids: string[]): Promise<LostReminderJobs> {
    const client = await this.client(queue);
    const lost: LostReminderJobs = { missing: [], failed: [] };
    for (let i = 0; i < ids.length; i += CHUNK) {
      const [missing, failed] = (await client.eval(
        FIND_LOST_SCRIPT,
        0,
        queue.toKey(''),
        queue.keys.failed,
        ...ids.slice(i, i + CHUNK),
      )) as [string[], string[]];
      lost.missing.push(...missing);
      lost.failed.push(...failed);
    }
    return lost;
  }

  // Delays come from the worker's clock, which tests and the benchmark may start elsewhere.
  private delayUntil(runAt: Date): number {
    return Math.max(0, runAt.getTime() - this.clock.now().getTime());
  }

  async onApplicationShutdown(): Promise<void> {
    const away = () => this.redisLog?.isDown ?? false;
    await Promise.all(this.all().map((q) => closeUnlessRedisIsAway(q, away)));
  }
}

/** Job.retry's refusal when the job left the failed set meanwhile (retried, removed): not an error here. */
function isNotFailedAnyMore(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === ErrorCode.JobNotExist || code === ErrorCode.JobNotInState;
}
