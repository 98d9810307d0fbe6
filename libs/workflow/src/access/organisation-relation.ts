import { type ActorRole, type ActorScope, type WorkflowActor } from '../workflow-actor';

/**
 * A person as the access rules see them (权限主体): their role and where they sit in the
 * organisation tree. `organisationPath` is the materialised path of their organisation
 * (`/<root id>/<child id>/…/`), so "below" is a prefix test.
 */
export interface Viewer {
  userId: string;
  role: Exclude<ActorRole, 'system'>;
  organisationId: string;
  organisationPath: string;
}

/**
 * How a person's organisation stands to a target organisation: the same one, one above it
 * (its path is a prefix of the target's), or neither. Paths end in '/', so '/a/' is not a
 * prefix of '/ab/'.
 */
export function relationBetween(viewerPath: string, targetPath: string): ActorScope {
  if (viewerPath === targetPath) return 'own_organisation';
  if (targetPath.startsWith(viewerPath)) return 'ancestor_organisation';
  return 'unrelated';
}

/** The viewer as the workflow sees them when acting on something in `targetPath`. */
export function actorFor(viewer: Viewer, targetPath: string): WorkflowActor {
  return {
    userId: viewer.userId,
    role: viewer.role,
    scope: relationBetween(viewer.organisationPath, targetPath),
  };
}

/**
 * Whose view a read is made from (查看范围): a person, or the operator at the command line, who
 * sees everything. Every repository read takes one, so a query without a scope does not compile.
 */
export type ReadScope = Viewer | 'operator';
