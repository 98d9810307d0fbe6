import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';
import { RedisProbe } from './redis-probe';

@ApiTags('health 健康检查')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly db: DataSource,
    private readonly redis: RedisProbe,
  ) {}

  @ApiOperation({ summary: 'API、数据库与 Redis 的健康状况（无需登录）' })
  @Public()
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.indicators.check('api').up({ uptimeSeconds: Math.round(process.uptime()) }),
      () => this.checkDatabase(),
      ...(this.redis.configured ? [() => this.checkRedis()] : []),
    ]);
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
