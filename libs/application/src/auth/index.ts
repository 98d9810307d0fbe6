export * from './passwords';
export * from './password-policy';
