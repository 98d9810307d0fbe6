import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { reminderLedgerFigures, withTimeout } from '@rectify/application';
import { DataSource } from 'typeorm';
import { BullReminderQueues } from '../queues/bullmq-reminder-queues';
import { RedisConnection } from '../redis/redis-connection';

/** Redis, the database, and the figures an operator watches: queue depths and the ledger. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisConnection,
    private readonly db: DataSource,
    private readonly queues: BullReminderQueues,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.checkRedis(), () => this.checkQueues(), () => this.checkLedger()]);
  }

  private async checkRedis() {
    const indicator = this.indicators.check('redis');
    try {
      return indicator.up({ reply: await withTimeout(this.redis.ping(), 1000) });
    } catch (err) {
      return indicator.down({ message: message(err) });
    }
  }

  private async checkQueues() {
    const indicator = this.indicators.check('queues');
    try {
      const counts = await withTimeout(
        Promise.all(
          this.queues
            .all()
            .map(async (q) => [
              q.name,
              await q.getJobCounts('waiting', 'delayed', 'active', 'failed', 'completed'),
            ]),
        ),
        2000,
      );
      return indicator.up(Object.fromEntries(counts));
    } catch (err) {
      return indicator.down({ message: message(err) });
    }
  }

  private async checkLedger() {
    const indicator = this.indicators.check('ledger');
    try {
      return indicator.up(await withTimeout(reminderLedgerFigures(this.db), 2000));
    } catch (err) {
      return indicator.down({ message: message(err) });
    }
  }
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
