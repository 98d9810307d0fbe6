export * from './directory-import.repository';
export * from './pg-directory-import.repository';
