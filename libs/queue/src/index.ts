export * from './queue-names';
export * from './redis-options';
export * from './redis-client';
export * from './redis-health';
export * from './redis-settings';
export * from './producer-queue';
