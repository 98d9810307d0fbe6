export * from './env-schema';
export * from './exit-on-config-error';
