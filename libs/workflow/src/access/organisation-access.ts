import { type Viewer, relationBetween } from './organisation-relation';

/**
 * What a person may do with an organisation (组织) as a whole: read it and what is below it
 * (its items, summaries, the 台账 and the 上年度整改情况 section, exported or on screen), or
 * administer (管理): set up organisations and people, import reports; or create items by hand for
 * it (新建整改事项: 上级点评、巡视巡察反馈、群众评议 …).
 */
export type OrganisationAction = 'READ' | 'EXPORT' | 'ADMINISTER' | 'IMPORT_REPORT' | 'CREATE_ITEMS';

/**
 * May the viewer do `action` with the organisation at `targetPath`? READ and EXPORT: an
 * administrator anywhere, a secretary in their own organisation, a supervisor in theirs and
 * below. ADMINISTER and IMPORT_REPORT: administrators only. CREATE_ITEMS: an administrator, or a
 * supervisor of an organisation above the target (never for their own organisation: its problems
 * are raised by the level above). A viewer of null is the operator at the command line, who may
 * do everything.
 */
export function mayOnOrganisation(
  viewer: Viewer | null,
  action: OrganisationAction,
  targetPath: string,
): boolean {
  if (viewer === null || viewer.role === 'admin') return true;
  if (action === 'ADMINISTER' || action === 'IMPORT_REPORT') return false;
  const relation = relationBetween(viewer.organisationPath, targetPath);
  if (action === 'CREATE_ITEMS') return viewer.role === 'supervisor' && relation === 'ancestor_organisation';
  if (viewer.role === 'secretary') return relation === 'own_organisation';
  return relation !== 'unrelated';
}
