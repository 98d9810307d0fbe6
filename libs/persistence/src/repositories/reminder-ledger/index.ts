export * from './reminder-ledger.repository';
export * from './pg-reminder-ledger.repository';
