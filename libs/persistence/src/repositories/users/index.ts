export * from './users.repository';
export * from './pg-users.repository';
