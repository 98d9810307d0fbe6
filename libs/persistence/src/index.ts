export * from './data-source/create-data-source';
export * from './entities/organisation.entity';
export * from './entities/user.entity';
export * from './entities/report.entity';
export * from './entities/rectification-item.entity';
export * from './entities/measure.entity';
export * from './entities/evidence.entity';
export * from './entities/item-history.entity';
export * from './files/evidence-file-store';
export * from './nest/database.module';
export { DataDirLockedError, type DataDirOwner } from './embedded/data-dir-lock';
export {
  EMBEDDED_UPKEEP,
  tablesDueForUpkeep,
  type TableUpkeep,
  upkeepEmbeddedTables,
} from './embedded/embedded-upkeep';
export {
  MIGRATION_LOCK_KEY,
  MigrationLockTimeoutError,
  runMigrationsUnderLock,
} from './data-source/run-migrations-under-lock';
export * from './errors/database-fault';
export { connectionPoolOf, poolFigures, type PoolFigures } from './data-source/pool-settings';
export * from './repositories/viewers';
export * from './repositories/item-queries';
export * from './repositories/organisations';
export * from './repositories/organisation-people';
export * from './repositories/users';
export * from './repositories/repositories';
export * from './nest/repository-providers';
export * from './repositories/reminder-subjects';
export * from './repositories/reminder-ledger';
export * from './repositories/outbox';
export * from './repositories/notification-ledger';
export * from './repositories/robot-tier-backlog';
export * from './repositories/item-tally';
export * from './repositories/dev-mailbox';
export * from './repositories/directory-import';
export * from './repositories/notification-inbox';
export * from './repositories/notification-preferences';
export * from './repositories/organisation-robots';
export * from './repositories/items';
export * from './health/database-probe';
export * from './repositories/tracked-items';
export * from './repositories/report-queries';
export * from './repositories/reports';
export * from './repositories/todo-queries';
export * from './repositories/evidence-files';
export * from './repositories/database-snapshot';
