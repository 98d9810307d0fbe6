export * from './outbox.repository';
export * from './pg-outbox.repository';
