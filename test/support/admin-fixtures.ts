import { AddOrganisationUseCase, AddUserUseCase, type PositionGrant } from '@rectify/application';
import { createRepositories, type OrganisationKind } from '@rectify/persistence';
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

/**
 * The kinds of person the tests meet, as positions in their own organisation: `secretary` (书记
 * who works the organisation's items and supervises nothing), `supervisor` (书记 with the
 * default rights: works its own items, supervises those below), `admin` (管理员 of the subtree).
 */
export type TestRole = 'secretary' | 'supervisor' | 'admin';

/** The position grants a TestRole stands for, in the person's own organisation. */
export function grantsFor(role: TestRole): PositionGrant[] {
  if (role === 'admin') return [{ kind: 'admin' }];
  return [{ kind: 'secretary', rights: role === 'secretary' ? ['work_items'] : undefined }];
}

/**
 * See addOrganisation: a user of the organisation named `organisationName`, holding the
 * positions `role` stands for (grantsFor) unless `positions` are given.
 */
export function addUser(
  db: DataSource,
  command: {
    username: string;
    organisationName: string;
    role?: TestRole;
    positions?: PositionGrant[];
    displayName?: string;
    email?: string;
    password?: string;
  },
) {
  const { users, organisations, viewers } = createRepositories(db);
  const { organisationName, role, positions, ...rest } = command;
  return new AddUserUseCase(users, organisations, viewers).execute({
    ...rest,
    positions: positions ?? grantsFor(role ?? 'secretary'),
    by: 'operator',
    organisation: { name: organisationName },
  });
}
