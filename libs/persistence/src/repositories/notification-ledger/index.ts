export * from './notification-ledger.repository';
export * from './pg-notification-ledger.repository';
