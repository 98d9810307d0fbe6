export * from './organisation-relation';
export * from './item-access';
export * from './organisation-access';
export * from './system-access';
export * from './viewer-capabilities';
