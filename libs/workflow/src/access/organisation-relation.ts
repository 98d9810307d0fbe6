import { type PositionKind, type PositionRight } from '@rectify/domain';
import { type EventSender } from '../rectification-events';
import { type WorkflowActor } from '../workflow-actor';

/**
 * One position (职务) a person holds, as the access rules see it: the organisation (its id and
 * materialised path `/<root id>/…/<id>/`, so "below" is a prefix test), the kind (书记 …
 * 管理员) and the rights it carries (整改责任 `work_items`, 督办 `supervise`).
 */
export interface ViewerPosition {
  organisationId: string;
  organisationPath: string;
  kind: PositionKind;
  rights: readonly PositionRight[];
}

/**
 * A person as the access rules see them (权限主体): their user id and every position they hold.
 * What they may do follows from the positions, never from one role: a 书记 works their own
 * organisation's items, a supervising position above signs off those below, a 管理员 administers
 * the subtree of their organisation. A person without positions may do and see nothing.
 */
export interface Viewer {
  userId: string;
  positions: readonly ViewerPosition[];
}

/**
 * How an organisation path stands to a target path: the same, strictly above (its path is a
 * prefix of the target's), or neither. Paths end in '/', so '/a/' is not a prefix of '/ab/'.
 */
export type OrganisationRelation = 'own_organisation' | 'ancestor_organisation' | 'unrelated';

export function relationBetween(viewerPath: string, targetPath: string): OrganisationRelation {
  if (viewerPath === targetPath) return 'own_organisation';
  if (targetPath.startsWith(viewerPath)) return 'ancestor_organisation';
  return 'unrelated';
}

const isAdminPosition = (p: ViewerPosition) => p.kind === 'admin';

/**
 * A 管理员 position on a root organisation: the root administrator, who administers every tree
 * of the installation (the system's own pages too), not only their own.
 */
const isRootAdminPosition = (p: ViewerPosition) => isAdminPosition(p) && isRootPath(p.organisationPath);

/**
 * True when one of the viewer's 管理员 positions is at `targetPath` or above it, or on a root
 * organisation (the root administrator administers everything).
 */
export function administers(viewer: Viewer, targetPath: string): boolean {
  return viewer.positions.some(
    (p) => isRootAdminPosition(p) || (isAdminPosition(p) && targetPath.startsWith(p.organisationPath)),
  );
}

/** True when one of the viewer's positions strictly above `targetPath` carries 督办. */
export function supervisesFromAbove(viewer: Viewer, targetPath: string): boolean {
  return viewer.positions.some(
    (p) =>
      p.rights.includes('supervise') &&
      relationBetween(p.organisationPath, targetPath) === 'ancestor_organisation',
  );
}

/**
 * May the viewer see the organisation at `targetPath` and its items: any position in it, a
 * supervising or administering position above it, or the root administrator's.
 */
export function readsOrganisation(viewer: Viewer, targetPath: string): boolean {
  if (administers(viewer, targetPath)) return true;
  return viewer.positions.some((p) => {
    const relation = relationBetween(p.organisationPath, targetPath);
    if (relation === 'own_organisation') return true;
    return relation === 'ancestor_organisation' && (isAdminPosition(p) || p.rights.includes('supervise'));
  });
}

/**
 * The capacities in which the viewer acts on an item of the organisation at `targetPath`:
 * own_secretary (a position there carrying 整改责任), ancestor_supervisor (a position strictly
 * above carrying 督办), admin (a 管理员 position there or above). An organisation's own items
 * are never signed off from inside it: a position there gives no supervising capacity.
 */
export function capacitiesAt(viewer: Viewer, targetPath: string): EventSender[] {
  const senders: EventSender[] = [];
  if (viewer.positions.some((p) => p.organisationPath === targetPath && p.rights.includes('work_items')))
    senders.push('own_secretary');
  if (supervisesFromAbove(viewer, targetPath)) senders.push('ancestor_supervisor');
  if (administers(viewer, targetPath)) senders.push('admin');
  return senders;
}

/** The viewer as the workflow sees them when acting on something in `targetPath`. */
export function actorFor(viewer: Viewer, targetPath: string): WorkflowActor {
  return {
    userId: viewer.userId,
    senders: capacitiesAt(viewer, targetPath),
    reads: readsOrganisation(viewer, targetPath),
  };
}

/**
 * What a viewer can see, as the SQL scope needs it: everything (the root administrator, a
 * 管理员 of a root organisation), or single organisations (positions without 督办 or 管理) and whole subtrees
 * (supervising or administering positions), by materialised path prefix.
 */
export interface ReadReach {
  everything: boolean;
  organisationIds: string[];
  subtreePaths: string[];
}

/** The reach of `viewer`'s positions (see ReadReach). */
export function readReach(viewer: Viewer): ReadReach {
  const everything = viewer.positions.some(isRootAdminPosition);
  const reachesBelow = (p: ViewerPosition) => isAdminPosition(p) || p.rights.includes('supervise');
  return {
    everything,
    organisationIds: viewer.positions.filter((p) => !reachesBelow(p)).map((p) => p.organisationId),
    subtreePaths: viewer.positions.filter(reachesBelow).map((p) => p.organisationPath),
  };
}

/** True for the path of a root organisation (`/<id>/`: one segment). */
export function isRootPath(path: string): boolean {
  return /^\/[^/]+\/$/.test(path);
}

/**
 * The viewer reduced to their 管理员 positions: as a read scope, exactly the subtrees they
 * administer (organisations, people and imports there), whatever else they may read.
 */
export function administrationScope(viewer: Viewer): Viewer {
  return { userId: viewer.userId, positions: viewer.positions.filter(isAdminPosition) };
}

/**
 * Whose view a read is made from (查看范围): a person, or the operator at the command line, who
 * sees everything. Every repository read takes one, so a query without a scope does not compile.
 */
export type ReadScope = Viewer | 'operator';
