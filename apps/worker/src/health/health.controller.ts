import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { AuditFailedRemindersUseCase, ReminderLedgerFiguresUseCase, withTimeout } from '@rectify/application';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config';
import { BullReminderQueues } from '../queues/bullmq-reminder-queues';
import { RedisConnection } from '../redis/redis-connection';

// Failed reminder jobs examined per health check; the rest are only counted.
const EXAMINED_FAILED_JOBS = 10_000;

/**
 * Redis, the database, and the figures an operator watches: queue depths, the ledger, and failed
 * reminder jobs the ledger does not account for (`reminderJobs`). Those are normal for a while
 * after a database outage, until the sweeper retries them, so they are reported with status up;
 * once one has waited more than two sweeps (plus a minute) the sweeper is evidently not
 * repairing them, reminders are being lost, and the check is down (HTTP 503).
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisConnection,
    private readonly queues: BullReminderQueues,
    private readonly ledgerFigures: ReminderLedgerFiguresUseCase,
    private readonly auditFailedReminders: AuditFailedRemindersUseCase,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.checkRedis(),
      () => this.checkQueues(),
      () => this.checkLedger(),
      () => this.checkFailedReminders(),
    ]);
  }

  private async checkRedis() {
    const indicator = this.indicators.check('redis');
    try {
      // Wrong settings do not make Redis down: they are shown, with what to change.
      const [reply, { maxmemoryPolicy, aof, warnings }] = await withTimeout(
        Promise.all([this.redis.ping(), this.redis.settings()]),
        1000,
      );
      return indicator.up({ reply, maxmemoryPolicy, aof, warnings });
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
      return indicator.up(await withTimeout(this.ledgerFigures.execute(), 2000));
    } catch (err) {
      return indicator.down({ message: message(err) });
    }
  }

  private async checkFailedReminders() {
    const indicator = this.indicators.check('reminderJobs');
    try {
      const figures = await withTimeout(
        (async () => {
          const failed = await this.queues.failedReminders(EXAMINED_FAILED_JOBS);
          return this.auditFailedReminders.execute({ total: failed.total, jobs: failed.newest });
        })(),
        3000,
      );
      const graceMs = (2 * this.config.SWEEP_EVERY_SECONDS + 60) * 1000;
      const oldest = figures.oldestUnaccountedFailedAt;
      if (oldest && Date.now() - new Date(oldest).getTime() > graceMs) {
        return indicator.down({
          ...figures,
          message: `${figures.unaccounted} 条提醒任务已失败且台账无记录，清扫程序未能恢复：请检查数据库与 worker 日志（sweeper）。`,
        });
      }
      return indicator.up(figures);
    } catch (err) {
      return indicator.down({ message: message(err) });
    }
  }
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
