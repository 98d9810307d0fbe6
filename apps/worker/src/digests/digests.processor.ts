import { Injectable } from '@nestjs/common';
import { type DigestJobData, SendDigestUseCase } from '@rectify/application';
import { JOBS } from '@rectify/queue';
import { WarningSummary } from '../logging/warning-summary';
import { JobHandlerRegistry } from '../queues/job-handler-registry';

/**
 * One recipient's digest email. A temporary mail failure throws, so BullMQ retries it with
 * backoff; a permanent one, or the last attempt, is recorded as failed in the ledger.
 */
@Injectable()
export class DigestsProcessor {
  constructor(registry: JobHandlerRegistry, sendDigest: SendDigestUseCase, summary: WarningSummary) {
    registry.register(JOBS.digest, async (job) => {
      const outcome = await sendDigest.execute({
        recipientId: (job.data as DigestJobData).recipientId,
        digestKey: job.id as string,
        mayRetry: job.attemptsMade + 1 < (job.opts.attempts ?? 1),
      });
      if (outcome.status === 'failed') summary.note('digests', 'digests failed', outcome.error);
      return outcome;
    });
  }
}
