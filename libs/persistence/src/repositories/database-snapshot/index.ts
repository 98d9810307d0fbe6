export * from './database-snapshot.repository';
export * from './pg-database-snapshot.repository';
