import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';

@ApiTags('health 健康检查')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly db: DataSource,
  ) {}

  @ApiOperation({ summary: 'API 与数据库的健康状况（无需登录）' })
  @Public()
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.indicators.check('api').up({ uptimeSeconds: Math.round(process.uptime()) }),
      () => this.checkDatabase(),
    ]);
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
