export * from './item-queries.repository';
export { PAGE_WALK_ROWS } from './page-walk';
export * from './pg-item-queries.repository';
