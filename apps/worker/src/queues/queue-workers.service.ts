import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { bullConnection, QUEUES, type QueueName } from '@rectify/queue';
import { UnrecoverableError, Worker } from 'bullmq';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config';
import { WarningSummary } from '../logging/warning-summary';
import { RedisOutageLog } from '../redis/redis-outage-log';
import { closeUnlessRedisIsAway } from './close-unless-redis-is-away';
import { JobHandlerRegistry } from './job-handler-registry';

/**
 * One BullMQ worker per queue, dispatching each job to the handler registered for its name.
 * On shutdown the workers close first and wait for the jobs they are running to finish, unless
 * Redis is away (see closeUnlessRedisIsAway).
 * Failed attempts and errors are summarised (WarningSummary, RedisOutageLog), never logged one
 * line per job: in an outage every job fails on every attempt.
 */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private workers: Worker[] = [];

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly registry: JobHandlerRegistry,
    private readonly summary: WarningSummary,
    private readonly redisLog: RedisOutageLog,
  ) {}

  onApplicationBootstrap(): void {
    this.registry.verify();
    const concurrency: Record<QueueName, number> = {
      reminders: this.config.REMINDER_CONCURRENCY,
      digests: this.config.DIGEST_CONCURRENCY,
      maintenance: 1,
      notifications: this.config.NOTIFY_CONCURRENCY,
    };
    this.workers = Object.values(QUEUES).map((queue) => {
      const worker = new Worker(
        queue,
        async (job, token) => {
          const handler = this.registry.handlerFor(job.name);
          if (!handler) throw new UnrecoverableError(`no handler for job "${job.name}" on ${queue}`);
          return handler(job, token);
        },
        {
          connection: bullConnection(this.config.REDIS_URL),
          prefix: this.config.QUEUE_PREFIX,
          concurrency: concurrency[queue],
          lockDuration: this.config.JOB_LOCK_MS,
          stalledInterval: Math.max(1000, Math.floor(this.config.JOB_LOCK_MS / 2)),
          maxStalledCount: 5,
        },
      );
      worker.on('error', (err) => this.redisLog.noteError(`${queue} worker`, err));
      worker.on('failed', (job, err) => {
        const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1);
        this.summary.note(queue, final ? 'jobs failed for good' : 'job attempts failed', err.message);
      });
      return worker;
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => closeUnlessRedisIsAway(w, () => this.redisLog.isDown)));
  }
}
