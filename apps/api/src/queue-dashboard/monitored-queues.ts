import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { withTimeout } from '@rectify/application';
import { producerQueue, QUEUES } from '@rectify/queue';
import { type Queue } from 'bullmq';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/** The worker's queues, by the names it gives them. */
const QUEUE_NAMES = Object.values(QUEUES);

const COUNTED = ['waiting', 'delayed', 'active', 'failed', 'completed'] as const;

export type JobCounts = Record<(typeof COUNTED)[number], number>;

/**
 * The worker's BullMQ queues as the API watches them (dashboard, health); none when REDIS_URL is
 * not set. The API only reads and manages them: it never processes jobs.
 */
@Injectable()
export class MonitoredQueues implements OnApplicationShutdown {
  readonly queues: Queue[];

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    const redisUrl = config.REDIS_URL;
    // Bounded connect and command timeouts (producerQueue): a paused Redis fails a dashboard or
    // health read instead of holding it.
    this.queues = redisUrl
      ? QUEUE_NAMES.map((name) => producerQueue(name, { redisUrl, prefix: config.QUEUE_PREFIX }))
      : [];
    // Outages show in the health check; they must not crash the API through an unhandled event.
    for (const queue of this.queues) queue.on('error', () => undefined);
  }

  get configured(): boolean {
    return this.queues.length > 0;
  }

  /** Resolves once every queue has connected; rejects when Redis cannot be reached in time. */
  async ready(timeoutMs = 2000): Promise<void> {
    await withTimeout(
      Promise.all(this.queues.map((q) => q.waitUntilReady())),
      timeoutMs,
      `Redis gave no answer within ${timeoutMs} ms`,
    );
  }

  /** Jobs per state in each queue; rejects rather than waits when Redis does not answer. */
  async jobCounts(timeoutMs = 1000): Promise<Record<string, JobCounts>> {
    const counts = await withTimeout(
      Promise.all(this.queues.map((q) => q.getJobCounts(...COUNTED))),
      timeoutMs,
      `Redis gave no answer within ${timeoutMs} ms`,
    );
    return Object.fromEntries(
      this.queues.map((q, i) => [
        q.name,
        Object.fromEntries(COUNTED.map((state) => [state, counts[i][state] ?? 0])) as JobCounts,
      ]),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      this.queues.map((q) =>
        withTimeout(q.close(), 2000, 'Redis gave no answer within 2000 ms').catch(() => q.disconnect()),
      ),
    );
  }
}
