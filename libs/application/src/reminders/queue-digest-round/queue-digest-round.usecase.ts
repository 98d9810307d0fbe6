import { shanghaiDate } from '@rectify/domain';
import { type ReminderLedgerRepository } from '@rectify/persistence';
import { digestJobId, type ReminderQueues } from '../reminder-jobs';
import { type ReminderSettings } from '../reminder-settings';

/**
 * The day's digest round (汇总), run at the digest time: every recipient with ledger rows waiting
 * (`pending`) gets their digest job at once, named as a reminder batch would name it (see
 * digestJobId), so a digest already queued is not queued twice. A storm recorded before the
 * digest time thus adds one job where it added one per recipient. Rows left `sending` under a
 * digest Redis lost stay the sweeper's (SweepRemindersUseCase). Returns how many digests it
 * queued; rejects on database or queue faults (the job is retried, and the sweeper restores
 * what a round that failed for good left).
 */
export class QueueDigestRoundUseCase {
  constructor(
    private readonly ledger: ReminderLedgerRepository,
    private readonly queues: ReminderQueues,
    private readonly settings: ReminderSettings,
  ) {}

  async execute(): Promise<number> {
    const now = this.settings.clock.now();
    const today = shanghaiDate(now);
    const digests = (await this.ledger.expectedDigests()).flatMap((w) =>
      w.digestKey === null
        ? [
            {
              id: digestJobId(w.recipientId, today, w.claimed),
              data: { recipientId: w.recipientId },
              runAt: now,
            },
          ]
        : [],
    );
    await this.queues.addDigests(digests);
    return digests.length;
  }
}
