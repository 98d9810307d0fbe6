import { AddOrganisationUseCase, AddUserUseCase } from '@rectify/application';
import { createRepositories, type OrganisationKind, type UserRole } from '@rectify/persistence';
import { type DataSource } from 'typeorm';

/**
 * Test set-up through the admin use cases, as the operator at the command line would: an
 * organisation (the parent by name) and a user (the organisation by name). Refusals are the use
 * cases' ApplicationErrors.
 */
export function addOrganisation(
  db: DataSource,
  command: { name: string; parentName?: string; kind?: OrganisationKind },
) {
  const { organisations, viewers } = createRepositories(db);
  return new AddOrganisationUseCase(organisations, viewers).execute({
    by: 'operator',
    name: command.name,
    parent: command.parentName ? { name: command.parentName } : undefined,
    kind: command.kind,
  });
}

/** See addOrganisation: a user of the organisation named `organisationName`. */
export function addUser(
  db: DataSource,
  command: {
    username: string;
    organisationName: string;
    role: UserRole;
    displayName?: string;
    email?: string;
    password?: string;
  },
) {
  const { users, organisations, viewers } = createRepositories(db);
  const { organisationName, ...rest } = command;
  return new AddUserUseCase(users, organisations, viewers).execute({
    ...rest,
    by: 'operator',
    organisation: { name: organisationName },
  });
}
