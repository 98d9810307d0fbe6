import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { ErrorResponseFilter } from './common/error-response.filter';
import { strictValidationPipe } from './common/strict-validation.pipe';
import { API_CONFIG, type ApiConfig } from './config/api-config';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { ItemsModule } from './items/items.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { ReportsModule } from './reports/reports.module';

@Module({})
export class AppModule {
  static forConfig(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [DatabaseModule, AuthModule, HealthModule, ItemsModule, ReportsModule, OrganisationsModule],
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: ErrorResponseFilter },
        { provide: APP_PIPE, useFactory: strictValidationPipe },
      ],
      exports: [API_CONFIG],
    };
  }
}
