export * from './report-queries.repository';
export * from './pg-report-queries.repository';
