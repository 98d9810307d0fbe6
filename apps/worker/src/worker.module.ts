import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { WORKER_CONFIG, type WorkerConfig } from './config/worker-config';
import { HealthController } from './health/health.controller';
import { RedisConnection } from './redis/redis-connection';

@Module({})
export class WorkerModule {
  static forConfig(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [{ provide: WORKER_CONFIG, useValue: config }, RedisConnection],
    };
  }
}
