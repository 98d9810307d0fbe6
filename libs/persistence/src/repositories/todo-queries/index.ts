export * from './todo-queries.repository';
export * from './pg-todo-queries.repository';
