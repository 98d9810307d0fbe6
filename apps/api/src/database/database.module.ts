import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { type Database, openDatabase } from '@rectify/persistence';
import { DataSource } from 'typeorm';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

export const DATABASE = Symbol('DATABASE');

/** Opens the database (migrations applied) at start-up and closes it on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: DATABASE,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) =>
        openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.RECTIFY_DATA_DIR }),
    },
    { provide: DataSource, inject: [DATABASE], useFactory: (db: Database) => db.dataSource },
  ],
  exports: [DataSource],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}
