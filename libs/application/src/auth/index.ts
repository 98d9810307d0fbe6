export * from './passwords';
export * from './password-policy';
export * from './session-user';
