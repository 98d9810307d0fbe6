export * from './tracked-items.repository';
export * from './pg-tracked-items.repository';
export * from './recurrence-links';
