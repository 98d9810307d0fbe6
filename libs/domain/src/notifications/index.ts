export * from './notification-kind';
export * from './describe-notification';
export * from './quiet-hours';
export * from './robot-platform';
export * from './notification-preferences';
export * from './compose-notice-email';
