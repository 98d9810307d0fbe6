export * from './directory-template';
export * from './directory-snapshot';
export * from './plan-directory-import';
export * from './read-directory-workbook';
