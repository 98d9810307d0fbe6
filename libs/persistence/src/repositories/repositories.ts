import { type DataSource } from 'typeorm';
import { PgItemQueriesRepository } from './item-queries';
import { PgReportQueriesRepository } from './report-queries';
import { PgTrackedItemsRepository } from './tracked-items';
import { PgItemsRepository } from './items';
import { PgReportsRepository } from './reports';
import { PgDevMailboxRepository } from './dev-mailbox';
import { PgDirectoryImportRepository } from './directory-import';
import { PgOrganisationsRepository } from './organisations';
import { PgOrganisationPeopleRepository } from './organisation-people';
import { PgNotificationLedgerRepository } from './notification-ledger';
import { PgOutboxRepository } from './outbox';
import { PgRobotTierBacklogRepository } from './robot-tier-backlog';
import { PgItemTallyRepository } from './item-tally';
import { PgReminderLedgerRepository } from './reminder-ledger';
import { PgReminderSubjectsRepository } from './reminder-subjects';
import { PgUsersRepository } from './users';
import { PgNotificationInboxRepository } from './notification-inbox';
import { PgNotificationPreferencesRepository } from './notification-preferences';
import { PgOrganisationRobotsRepository } from './organisation-robots';
import { PgViewersRepository } from './viewers';
import { PgTodoQueriesRepository } from './todo-queries';
import { PgEvidenceStore } from './evidence-files';
import { PgDatabaseSnapshotRepository } from './database-snapshot';

/**
 * Every PostgreSQL repository, by the name commands and use-case factories use. Register a
 * repository with one line here: the CLI's withRepositories and every Nest app's DatabaseModule
 * (which provides each class as an injectable) build theirs from this list. Each class is
 * constructed with the app's DataSource and nothing else.
 */
export const REPOSITORY_CLASSES = {
  organisations: PgOrganisationsRepository,
  users: PgUsersRepository,
  viewers: PgViewersRepository,
  itemQueries: PgItemQueriesRepository,
  trackedItems: PgTrackedItemsRepository,
  reportQueries: PgReportQueriesRepository,
  items: PgItemsRepository,
  reports: PgReportsRepository,
  reminderLedger: PgReminderLedgerRepository,
  outbox: PgOutboxRepository,
  reminderSubjects: PgReminderSubjectsRepository,
  devMailbox: PgDevMailboxRepository,
  organisationPeople: PgOrganisationPeopleRepository,
  directoryImport: PgDirectoryImportRepository,
  notificationLedger: PgNotificationLedgerRepository,
  robotTierBacklog: PgRobotTierBacklogRepository,
  itemTally: PgItemTallyRepository,
  notificationInbox: PgNotificationInboxRepository,
  notificationPreferences: PgNotificationPreferencesRepository,
  organisationRobots: PgOrganisationRobotsRepository,
  todoQueries: PgTodoQueriesRepository,
  evidenceFiles: PgEvidenceStore,
  databaseSnapshot: PgDatabaseSnapshotRepository,
} satisfies Record<string, new (db: DataSource) => object>;

/** One instance of every repository over one database (see REPOSITORY_CLASSES). */
export type Repositories = {
  readonly [K in keyof typeof REPOSITORY_CLASSES]: InstanceType<(typeof REPOSITORY_CLASSES)[K]>;
};

/** Every repository over `db`, constructed once each. */
export function createRepositories(db: DataSource): Repositories {
  return Object.fromEntries(
    Object.entries(REPOSITORY_CLASSES).map(([name, Repository]) => [name, new Repository(db)]),
  ) as Repositories;
}
