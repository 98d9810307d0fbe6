export * from './dev-mailbox.repository';
export * from './pg-dev-mailbox.repository';
