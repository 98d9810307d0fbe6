import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import { type DataSource } from 'typeorm';
import { type Database } from '../data-source/create-data-source';
import { DatabaseProbe } from '../health/database-probe';
import { type Repositories, REPOSITORY_CLASSES } from '../repositories/repositories';
import { DatabaseModule } from './database.module';
import { REPOSITORIES } from './repository-providers';

/** A database that is never queried: constructing repositories does not touch it. */
function idleDatabase() {
  const closed: string[] = [];
  const database: Database = {
    dataSource: { isInitialized: false } as DataSource,
    embedded: true,
    close: async () => {
      closed.push('database');
    },
  };
  return { database, closed };
}

describe('DatabaseModule', () => {
  it('provides every registered repository by its class, the same instance as in REPOSITORIES', async () => {
    const { database } = idleDatabase();
    const app = await Test.createTestingModule({
      imports: [DatabaseModule.forRoot({ open: async () => database, closeOnShutdown: true })],
    }).compile();
    const repositories = app.get<Repositories>(REPOSITORIES);
    const names = Object.keys(REPOSITORY_CLASSES) as (keyof Repositories)[];
    expect(Object.keys(repositories).sort()).toEqual([...names].sort());
    for (const name of names) {
      const instance = app.get(REPOSITORY_CLASSES[name]);
      expect(instance).toBeInstanceOf(REPOSITORY_CLASSES[name]);
      expect(instance).toBe(repositories[name]);
    }
    expect(app.get(DatabaseProbe)).toBeInstanceOf(DatabaseProbe);
    await app.close();
  });

  it('closes the database on shutdown only when it owns it', async () => {
    for (const closeOnShutdown of [true, false]) {
      const { database, closed } = idleDatabase();
      const app = await Test.createTestingModule({
        imports: [DatabaseModule.forRoot({ open: async () => database, closeOnShutdown })],
      }).compile();
      await app.init();
      await app.close();
      expect(closed).toEqual(closeOnShutdown ? ['database'] : []);
    }
  });

  it('reports an unopened database as unreachable without touching it', async () => {
    const { database } = idleDatabase();
    expect(await new DatabaseProbe(database.dataSource).check(50)).toEqual({
      up: false,
      pool: null,
      reason: 'unreachable',
      message: 'the database is not open',
    });
  });
});
