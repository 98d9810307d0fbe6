export * from './notification-preferences.repository';
export * from './pg-notification-preferences.repository';
