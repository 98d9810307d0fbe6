export * from './item-records';
export * from './items.repository';
export * from './pg-items.repository';
