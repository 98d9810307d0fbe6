import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  type DigestJobSpec,
  REDIS_LIMITS,
  type ReminderJobSpec,
  type ReminderQueues,
  withTimeout,
} from '@rectify/application';
import { type Clock } from '@rectify/domain';
import { type JobsOptions, Queue } from 'bullmq';
import { type Redis } from 'ioredis';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config';
import { CLOCK } from '../reminders/reminder-settings.provider';
import { JOBS, QUEUES } from './queue-names';
import { bullProducerConnection } from './redis-options';

const DAY_MS = 24 * 60 * 60 * 1000;
const CHUNK = 5000;

/**
 * The reminder use cases' queues, on BullMQ. Job ids are deterministic, so adding a job that
 * exists is a no-op: relaying or sweeping twice is harmless. Completed reminder jobs are kept
 * two weeks, so a job that already ran is not re-added by a second relay; digest jobs are
 * removed when done, so a late reminder can start a second digest the same day.
 */
@Injectable()
export class BullReminderQueues implements ReminderQueues, OnApplicationShutdown {
  private readonly logger = new Logger('queues');
  readonly reminders: Queue;
  readonly digests: Queue;
  readonly maintenance: Queue;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    const options = { connection: bullProducerConnection(config.REDIS_URL), prefix: config.QUEUE_PREFIX };
    this.reminders = new Queue(QUEUES.reminders, options);
    this.digests = new Queue(QUEUES.digests, options);
    this.maintenance = new Queue(QUEUES.maintenance, options);
    for (const q of this.all()) q.on('error', (err) => this.logger.warn(`${q.name}: ${err.message}`));
  }

  all(): Queue[] {
    return [this.reminders, this.digests, this.maintenance];
  }

  async addReminders(jobs: ReminderJobSpec[]): Promise<void> {
    const opts: JobsOptions = {
      attempts: 10,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: (14 * DAY_MS) / 1000 },
      removeOnFail: { age: (30 * DAY_MS) / 1000 },
    };
    for (let i = 0; i < jobs.length; i += CHUNK) {
      await this.reminders.addBulk(
        jobs.slice(i, i + CHUNK).map((j) => ({
          name: JOBS.reminder,
          data: j.data,
          opts: { ...opts, jobId: j.id, delay: this.delayUntil(j.runAt) },
        })),
      );
    }
  }

  async addDigests(jobs: DigestJobSpec[]): Promise<void> {
    const opts: JobsOptions = {
      attempts: this.config.DIGEST_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.config.DIGEST_BACKOFF_MS },
      removeOnComplete: true,
      // A digest that failed for an unexpected reason leaves its rows claimed: removing the job
      // lets the sweeper start it again.
      removeOnFail: true,
    };
    for (let i = 0; i < jobs.length; i += CHUNK) {
      await this.digests.addBulk(
        jobs.slice(i, i + CHUNK).map((j) => ({
          name: JOBS.digest,
          data: j.data,
          opts: { ...opts, jobId: j.id, delay: this.delayUntil(j.runAt) },
        })),
      );
    }
  }

  missingReminders(ids: string[]): Promise<string[]> {
    return this.missing(this.reminders, ids);
  }

  missingDigests(ids: string[]): Promise<string[]> {
    return this.missing(this.digests, ids);
  }

  /** Whether Redis answers a PING now; the connection's command timeout bounds the wait. */
  async isReachable(): Promise<boolean> {
    try {
      const ping = (async () => ((await this.reminders.getBackend().client) as unknown as Redis).ping())();
      return (await withTimeout(ping, REDIS_LIMITS.commandTimeoutMs)) === 'PONG';
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

  private async missing(queue: Queue, ids: string[]): Promise<string[]> {
    // ioredis is the driver here (see redis-options.ts): its pipeline checks thousands of ids in one round trip.
    const client = (await queue.getBackend().client) as unknown as Redis;
    const missing: string[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const pipeline = client.pipeline();
      for (const id of chunk) pipeline.exists(queue.toKey(id));
      const replies = (await pipeline.exec()) ?? [];
      replies.forEach(([err, exists], k) => {
        if (err) throw err;
        if (exists === 0) missing.push(chunk[k]);
      });
    }
    return missing;
  }

  // Delays come from the worker's clock, which tests and the benchmark may start elsewhere.
  private delayUntil(runAt: Date): number {
    return Math.max(0, runAt.getTime() - this.clock.now().getTime());
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.all().map((q) => q.close()));
  }
}
