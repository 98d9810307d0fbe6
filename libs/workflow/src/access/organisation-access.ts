import { type Viewer, relationBetween } from './organisation-relation';

/**
 * What a person may do with an organisation (组织) as a whole: read it and what is below it
 * (its items, summaries, the 台账 and the 上年度整改情况 section, exported or on screen), or
 * administer (管理): set up organisations and people, import reports.
 */
export type OrganisationAction = 'READ' | 'EXPORT' | 'ADMINISTER' | 'IMPORT_REPORT';

/**
 * May the viewer do `action` with the organisation at `targetPath`? READ and EXPORT: an
 * administrator anywhere, a secretary in their own organisation, a supervisor in theirs and
 * below. ADMINISTER and IMPORT_REPORT: administrators only. A viewer of null is the operator at
 * the command line, who may do everything.
 */
export function mayOnOrganisation(
  viewer: Viewer | null,
  action: OrganisationAction,
  targetPath: string,
): boolean {
  if (viewer === null || viewer.role === 'admin') return true;
  if (action === 'ADMINISTER' || action === 'IMPORT_REPORT') return false;
  const relation = relationBetween(viewer.organisationPath, targetPath);
  if (viewer.role === 'secretary') return relation === 'own_organisation';
  return relation !== 'unrelated';
}
