import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReminderLedgerFiguresUseCase, withTimeout } from '@rectify/application';
import { DatabaseProbe, type DatabaseReport } from '@rectify/persistence';
import { Public } from '../auth/public.decorator';
import { MonitoredQueues } from '../queue-dashboard/monitored-queues';
import { RedisProbe } from './redis-probe';

/**
 * The health check answers within about HEALTH_BUDGET_MS whatever a dependency does (load
 * balancers commonly give up after 2 s): the database, Redis and queue checks run side by side,
 * each bounded by CHECK_BOUND_MS; the ledger figures, which need a connection of the app's pool,
 * are asked only once the pool has lent one, with what is left of the budget.
 */
const CHECK_BOUND_MS = 1000;
const HEALTH_BUDGET_MS = 1800;

@ApiTags('health 健康检查')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly ledgerFigures: ReminderLedgerFiguresUseCase,
    private readonly database: DatabaseProbe,
    private readonly redis: RedisProbe,
    private readonly queues: MonitoredQueues,
  ) {}

  @ApiOperation({
    operationId: 'getHealth',
    summary:
      'API、数据库、Redis 与到期提醒（发送记录、待转发、重试中与已搁置的转发记录、队列任务数）的健康状况（无需登录）',
  })
  @Public()
  @Get()
  @HealthCheck()
  async check() {
    const started = Date.now();
    // Side by side: each is bounded, the slowest decides.
    const redis = this.redis.configured ? this.checkRedis() : null;
    const queues = this.queues.configured ? this.jobCounts() : null;
    const database = await this.database.check(CHECK_BOUND_MS);
    return this.health.check([
      () => this.indicators.check('api').up({ uptimeSeconds: Math.round(process.uptime()) }),
      () => this.checkDatabase(database),
      ...(redis ? [() => redis] : []),
      // Without a connection to lend, the ledger figures are not asked for (database is down).
      ...(database.up ? [() => this.checkReminders(HEALTH_BUDGET_MS - (Date.now() - started), queues)] : []),
    ]);
  }

  /**
   * Ledger rows by status; outbox rows waiting, retrying after a failure, and parked after their
   * last attempt (`outboxFailed`); with Redis, the jobs in each queue. An unreachable Redis is
   * the redis indicator's to report: here the queues are then just null.
   */
  private async checkReminders(boundMs: number, queues: ReturnType<HealthController['jobCounts']> | null) {
    const indicator = this.indicators.check('reminders');
    let figures;
    try {
      const bound = Math.max(boundMs, 100);
      const { byStatus, ...outbox } = await withTimeout(
        this.ledgerFigures.execute(),
        bound,
        `the ledger figures took over ${bound} ms`,
      );
      figures = { ledger: byStatus, ...outbox };
    } catch (err) {
      return indicator.down({ message: messageOf(err) });
    }
    if (!queues) return indicator.up(figures);
    const counted = await queues;
    return indicator.up({ ...figures, ...counted });
  }

  private async jobCounts() {
    try {
      return { queues: await this.queues.jobCounts(CHECK_BOUND_MS) };
    } catch (err) {
      return { queues: null, queuesError: messageOf(err) };
    }
  }

  private async checkRedis() {
    const indicator = this.indicators.check('redis');
    try {
      // Side by side, to stay within the bound; wrong settings do not make Redis down: they are
      // shown, with what to change.
      const [reply, { maxmemoryPolicy, aof, warnings }] = await Promise.all([
        this.redis.ping(CHECK_BOUND_MS),
        this.redis.settings(CHECK_BOUND_MS),
      ]);
      return indicator.up({ reply, maxmemoryPolicy, aof, warnings });
    } catch (err) {
      return indicator.down({ message: messageOf(err) });
    }
  }

  /**
   * Up only when the server answers on the probe's own connection and the app's pool lends a
   * connection within the bound; the pool's figures either way (see DatabaseProbe).
   */
  private checkDatabase({ up, pool, reason, message }: DatabaseReport) {
    const indicator = this.indicators.check('database');
    return up ? indicator.up({ pool }) : indicator.down({ reason, message, pool });
  }
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));
