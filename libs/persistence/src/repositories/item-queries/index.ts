export * from './item-queries.repository';
export * from './pg-item-queries.repository';
