import { Injectable, Logger } from '@nestjs/common';
import { type DigestJobData, QueueDigestRoundUseCase, SendDigestUseCase } from '@rectify/application';
import { JOBS } from '@rectify/queue';
import { WarningSummary } from '../logging/warning-summary';
import { JobHandlerRegistry } from '../queues/job-handler-registry';

/**
 * One recipient's digest email. A temporary mail failure throws, so BullMQ retries it with
 * backoff; a permanent one, or the last attempt, is recorded as failed in the ledger. And the
 * day's digest round, which queues those digests at the digest time (a fault throws: retried).
 */
@Injectable()
export class DigestsProcessor {
  private readonly logger = new Logger('digests');

  constructor(
    registry: JobHandlerRegistry,
    sendDigest: SendDigestUseCase,
    digestRound: QueueDigestRoundUseCase,
    summary: WarningSummary,
  ) {
    registry.register(JOBS.digestRound, async () => {
      const queued = await digestRound.execute();
      this.logger.log(`digest round: ${queued} digests queued`);
      return { queued };
    });
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
