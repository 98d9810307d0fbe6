export * from './reports.repository';
export * from './pg-reports.repository';
