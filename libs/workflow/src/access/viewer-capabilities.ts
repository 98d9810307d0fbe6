import { type Viewer } from './organisation-relation';
import { mayOperateSystem } from './system-access';

/**
 * What a person can do somewhere, for a client to choose its menus and landing page (the rules
 * themselves are still checked on every request): works some organisation's items (整改责任),
 * supervises some organisations below (督办), administers a subtree (管理), operates the system
 * (the root administrator).
 */
export interface ViewerCapabilities {
  worksItems: boolean;
  supervises: boolean;
  administers: boolean;
  operatesSystem: boolean;
}

/**
 * The capabilities `viewer`'s positions give them (see ViewerCapabilities). `hasOrganisationsBelow`
 * tells whether an organisation (id) has any below it: a 党支部书记's 督办 right supervises nobody,
 * so it does not make them a supervisor (they land on their items, not on a dashboard).
 */
export function viewerCapabilities(
  viewer: Viewer,
  hasOrganisationsBelow: (organisationId: string) => boolean,
): ViewerCapabilities {
  return {
    worksItems: viewer.positions.some((p) => p.rights.includes('work_items')),
    supervises: viewer.positions.some(
      (p) => p.rights.includes('supervise') && hasOrganisationsBelow(p.organisationId),
    ),
    administers: viewer.positions.some((p) => p.kind === 'admin'),
    operatesSystem: mayOperateSystem(viewer, 'READ_DEV_MAILBOX'),
  };
}
