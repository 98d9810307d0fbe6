export * from './organisations.repository';
export * from './pg-organisations.repository';
