import { type Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createRepositories, type Repositories, REPOSITORY_CLASSES } from '../repositories/repositories';

/** Injection token of the Repositories object (every repository by name). */
export const REPOSITORIES = Symbol('REPOSITORIES');

/**
 * The repositories of a Nest app over its DataSource: the Repositories object (token
 * REPOSITORIES) and each PgXRepository class as its own token, the same instance, so a
 * use-case provider can `inject: [PgItemsRepository]`.
 */
export function repositoryProviders(): Provider[] {
  return [
    { provide: REPOSITORIES, inject: [DataSource], useFactory: (db: DataSource) => createRepositories(db) },
    ...Object.entries(REPOSITORY_CLASSES).map(([name, Repository]) => ({
      provide: Repository,
      inject: [REPOSITORIES],
      useFactory: (repositories: Repositories) => repositories[name as keyof Repositories],
    })),
  ];
}

/** The tokens repositoryProviders provides, for a module's exports. */
export function repositoryTokens(): (symbol | (new (db: DataSource) => object))[] {
  return [REPOSITORIES, ...Object.values(REPOSITORY_CLASSES)];
}
