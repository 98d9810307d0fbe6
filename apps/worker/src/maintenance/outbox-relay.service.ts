import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { RelayOutboxUseCase } from '@rectify/application';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config';
import { WarningSummary } from '../logging/warning-summary';
import { BullReminderQueues } from '../queues/bullmq-reminder-queues';

/**
 * Polls the outbox and relays its rows to the queues until nothing is due, then waits. While
 * Redis or the database is away it logs and tries again later (waiting longer each time); the
 * rows stay in the outbox. A row that fails on its own is recorded on the row, retried with
 * backoff and finally parked by the relay use case, and the others go on. Also keeps the
 * sweeper's schedule in Redis, which a flush would have erased.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('outbox');
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly relayOutbox: RelayOutboxUseCase,
    private readonly queues: BullReminderQueues,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly summary: WarningSummary,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    let sweeperScheduledAt = 0;
    let failures = 0;
    while (this.running) {
      try {
        if (Date.now() - sweeperScheduledAt > Math.min(30_000, this.config.SWEEP_EVERY_SECONDS * 1000)) {
          await this.queues.ensureSweeperScheduled();
          sweeperScheduledAt = Date.now();
        }
        while (this.running) {
          const round = await this.relayOutbox.execute();
          if (round.failed + round.parked > 0) {
            this.logger.warn(
              `${round.failed} outbox rows failed and wait for a retry, ${round.parked} parked after ${this.config.OUTBOX_MAX_ATTEMPTS} attempts`,
            );
          }
          if (round.claimed === 0) break;
        }
        failures = 0;
      } catch (err) {
        failures++;
        // Once per poll while Redis or the database is away: summarised, not a line each.
        this.summary.note('outbox', 'relay pauses', err instanceof Error ? err.message : String(err));
      }
      await this.sleep(this.config.OUTBOX_POLL_MS * Math.min(2 ** failures, 20));
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }
}
