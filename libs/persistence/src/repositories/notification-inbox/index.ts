export * from './notification-inbox.repository';
export * from './pg-notification-inbox.repository';
