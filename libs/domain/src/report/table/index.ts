export * from './problem-table-header';
export * from './read-problem-table';
export * from './read-deadline';
export * from './read-progress';
