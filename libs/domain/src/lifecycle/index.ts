export * from './rectification-status';
export * from './item-source';
