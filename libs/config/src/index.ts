export * from './env-schema';
export * from './exit-on-config-error';
export * from './secret-file';
export * from './stop-on-signals';
export * from './database-limits';
export * from './robot-webhook-hosts';
