import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Database } from '../data-source/create-data-source';
import { DatabaseProbe } from '../health/database-probe';
import { repositoryProviders, repositoryTokens } from './repository-providers';

export const DATABASE = Symbol('DATABASE');
const OWNS_DATABASE = Symbol('OWNS_DATABASE');

export interface DatabaseModuleOptions {
  /** Opens the database (migrations applied) when the app starts. */
  open: () => Promise<Database>;
  /** False when another app in the same process shares the database and closes it. */
  closeOnShutdown: boolean;
}

/**
 * The database for a Nest app: opened at start-up, closed on shutdown unless shared. Global:
 * provides the DataSource, every repository (see repositoryProviders) and the health check's
 * DatabaseProbe (its own connection ended on shutdown) to every module.
 */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(OWNS_DATABASE) private readonly ownsDatabase: boolean,
    private readonly probe: DatabaseProbe,
  ) {}

  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE, useFactory: options.open },
        { provide: OWNS_DATABASE, useValue: options.closeOnShutdown },
        { provide: DataSource, inject: [DATABASE], useFactory: (db: Database) => db.dataSource },
        {
          provide: DatabaseProbe,
          inject: [DataSource],
          useFactory: (db: DataSource) => new DatabaseProbe(db),
        },
        ...repositoryProviders(),
      ],
      exports: [DataSource, DATABASE, DatabaseProbe, ...repositoryTokens()],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.probe.close();
    if (this.ownsDatabase) await this.db.close();
  }
}
