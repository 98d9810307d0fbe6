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
  MIGRATION_LOCK_KEY,
  MigrationLockTimeoutError,
  runMigrationsUnderLock,
} from './data-source/run-migrations-under-lock';
export * from './errors/database-fault';
export { connectionPoolOf, poolFigures, type PoolFigures } from './data-source/pool-settings';
