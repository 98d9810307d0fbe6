export * from './rectification-status';
export * from './rectification-context';
export * from './rectification-events';
export * from './workflow-actor';
export * from './event-permissions';
export * from './event-payload-rules';
export * from './rectification.machine';
export * from './rectification-transition';
