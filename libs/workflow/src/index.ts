export * from './rectification-status';
