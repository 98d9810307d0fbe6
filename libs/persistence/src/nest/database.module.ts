import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Database } from '../data-source/create-data-source';

export const DATABASE = Symbol('DATABASE');
const OWNS_DATABASE = Symbol('OWNS_DATABASE');

export interface DatabaseModuleOptions {
  /** Opens the database (migrations applied) when the app starts. */
  open: () => Promise<Database>;
  /** False when another app in the same process shares the database and closes it. */
  closeOnShutdown: boolean;
}

/** The database for a Nest app: opened at start-up, closed on shutdown unless shared. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(OWNS_DATABASE) private readonly ownsDatabase: boolean,
  ) {}

  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE, useFactory: options.open },
        { provide: OWNS_DATABASE, useValue: options.closeOnShutdown },
        { provide: DataSource, inject: [DATABASE], useFactory: (db: Database) => db.dataSource },
      ],
      exports: [DataSource, DATABASE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.ownsDatabase) await this.db.close();
  }
}
