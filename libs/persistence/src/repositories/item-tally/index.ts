export * from './item-tally.repository';
export * from './pg-item-tally.repository';
