import { administers, readsOrganisation, supervisesFromAbove, type Viewer } from './organisation-relation';

/**
 * What a person may do with an organisation (组织) as a whole: read it and what is below it
 * (its items, summaries, the 台账 and the 上年度整改情况 section, exported or on screen), or
 * administer (管理): set up organisations and people, import reports; or create items by hand for
 * it (新建整改事项: 上级点评、巡视巡察反馈、群众评议 …).
 */
export type OrganisationAction = 'READ' | 'EXPORT' | 'ADMINISTER' | 'IMPORT_REPORT' | 'CREATE_ITEMS';

/**
 * May the viewer do `action` with the organisation at `targetPath`? READ and EXPORT: any position
 * in it, or a supervising (督办) or 管理员 position above it. ADMINISTER and IMPORT_REPORT: a
 * 管理员 position in it or above (administrators are scoped to their subtree). CREATE_ITEMS: a
 * 管理员 there or above, or a supervising position strictly above (an organisation's problems are
 * raised by the level above, never by itself). A viewer of null is the operator at the command
 * line, who may do everything.
 */
export function mayOnOrganisation(
  viewer: Viewer | null,
  action: OrganisationAction,
  targetPath: string,
): boolean {
  if (viewer === null) return true;
  switch (action) {
    case 'READ':
    case 'EXPORT':
      return readsOrganisation(viewer, targetPath);
    case 'ADMINISTER':
    case 'IMPORT_REPORT':
      return administers(viewer, targetPath);
    case 'CREATE_ITEMS':
      return administers(viewer, targetPath) || supervisesFromAbove(viewer, targetPath);
  }
}
