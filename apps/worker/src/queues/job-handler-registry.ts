import { Injectable } from '@nestjs/common';
import { JOB_QUEUE, type JobName } from '@rectify/queue';
import { type Job } from 'bullmq';

/** `token`: the worker's lock on the job, for moving it (e.g. back to delayed) while it runs. */
export type JobHandler = (job: Job, token?: string) => Promise<unknown>;

/**
 * Job handlers registered by name. The worker refuses to start when a job name has no handler
 * or two, so a queued job can never sit unhandled because of a wiring mistake.
 */
@Injectable()
export class JobHandlerRegistry {
  private readonly handlers = new Map<JobName, JobHandler[]>();

  register(name: JobName, handler: JobHandler): void {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
  }

  /** Throws naming every job without exactly one handler. */
  verify(): void {
    const problems = (Object.keys(JOB_QUEUE) as JobName[]).flatMap((name) => {
      const count = this.handlers.get(name)?.length ?? 0;
      return count === 1 ? [] : [`job "${name}" has ${count} handlers (needs exactly 1)`];
    });
    if (problems.length > 0) throw new Error(`worker: ${problems.join('; ')}`);
  }

  handlerFor(name: string): JobHandler | undefined {
    return this.handlers.get(name as JobName)?.[0];
  }
}
