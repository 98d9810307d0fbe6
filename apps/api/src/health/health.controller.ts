import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { reminderLedgerFigures } from '@rectify/application';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';
import { MonitoredQueues } from '../queue-dashboard/monitored-queues';
import { RedisProbe } from './redis-probe';

@ApiTags('health 健康检查')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly db: DataSource,
    private readonly redis: RedisProbe,
    private readonly queues: MonitoredQueues,
  ) {}

  @ApiOperation({
    summary:
      'API、数据库、Redis 与到期提醒（发送记录、待转发、重试中与已搁置的转发记录、队列任务数）的健康状况（无需登录）',
  })
  @Public()
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.indicators.check('api').up({ uptimeSeconds: Math.round(process.uptime()) }),
      () => this.checkDatabase(),
      ...(this.redis.configured ? [() => this.checkRedis()] : []),
      () => this.checkReminders(),
    ]);
  }

  /**
   * Ledger rows by status; outbox rows waiting, retrying after a failure, and parked after their
   * last attempt (`outboxFailed`); with Redis, the jobs in each queue. An unreachable Redis is
   * the redis indicator's to report: here the queues are then just null.
   */
  private async checkReminders() {
    const indicator = this.indicators.check('reminders');
    let figures;
    try {
      const { byStatus, ...outbox } = await reminderLedgerFigures(this.db);
      figures = { ledger: byStatus, ...outbox };
    } catch (err) {
      return indicator.down({ message: err instanceof Error ? err.message : String(err) });
    }
    if (!this.queues.configured) return indicator.up(figures);
    try {
      return indicator.up({ ...figures, queues: await this.queues.jobCounts() });
    } catch (err) {
      const queuesError = err instanceof Error ? err.message : String(err);
      return indicator.up({ ...figures, queues: null, queuesError });
    }
  }

  private async checkRedis() {
    const indicator = this.indicators.check('redis');
    try {
      return indicator.up({ reply: await this.redis.ping() });
    } catch (err) {
      return indicator.down({ message: err instanceof Error ? err.message : String(err) });
    }
  }

  private async checkDatabase() {
    const indicator = this.indicators.check('database');
    try {
      await this.db.query('SELECT 1');
      return indicator.up();
    } catch (err) {
      return indicator.down({ message: err instanceof Error ? err.message : String(err) });
    }
  }
}
