import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { UnrecoverableError, Worker } from 'bullmq';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config';
import { JobHandlerRegistry } from './job-handler-registry';
import { QUEUES, type QueueName } from './queue-names';
import { bullConnection } from './redis-options';

/**
 * One BullMQ worker per queue, dispatching each job to the handler registered for its name.
 * On shutdown the workers close first and wait for the jobs they are running to finish.
 */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('workers');
  private workers: Worker[] = [];

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly registry: JobHandlerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.registry.verify();
    const concurrency: Record<QueueName, number> = {
      reminders: this.config.REMINDER_CONCURRENCY,
      digests: this.config.DIGEST_CONCURRENCY,
      maintenance: 1,
    };
    this.workers = Object.values(QUEUES).map((queue) => {
      const worker = new Worker(
        queue,
        async (job) => {
          const handler = this.registry.handlerFor(job.name);
          if (!handler) throw new UnrecoverableError(`no handler for job "${job.name}" on ${queue}`);
          return handler(job);
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
      worker.on('error', (err) => this.logger.warn(`${queue}: ${err.message}`));
      worker.on('failed', (job, err) =>
        this.logger.warn(`${queue}: job ${job?.id} failed (attempt ${job?.attemptsMade}): ${err.message}`),
      );
      return worker;
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
