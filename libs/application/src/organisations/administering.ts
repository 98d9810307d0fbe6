import { type ViewersRepository } from '@rectify/persistence';
import { mayOnOrganisation, type OrganisationAction, type ReadScope } from '@rectify/workflow';
import { ApplicationError } from '../errors/application-error';
import { requireViewer } from '../item-queries/require-viewer';

/** Who asks for an administrative action: a signed-in user, or the operator at the command line. */
export type AdministeredBy = { userId: string } | 'operator';

/** The whole organisation tree: administering is decided for it as a whole. */
const WHOLE_TREE = '/';

/**
 * The scope of whoever administers, after the access rule allowed them `action` (ADMINISTER 管理
 * unless given, or IMPORT_REPORT) on the organisation tree (mayOnOrganisation). Decided before
 * any lookup, so a refusal says nothing about which organisations or users exist. `what`
 * completes the refusal's message (e.g. 添加党组织).
 * @throws ApplicationError USER_NOT_FOUND (the account is gone), ADMIN_ONLY (not an administrator)
 */
export async function requireAdministrator(
  viewers: ViewersRepository,
  by: AdministeredBy,
  what: string,
  action: Extract<OrganisationAction, 'ADMINISTER' | 'IMPORT_REPORT'> = 'ADMINISTER',
): Promise<ReadScope> {
  if (by === 'operator') return 'operator';
  const viewer = await requireViewer(viewers, by.userId);
  if (!mayOnOrganisation(viewer, action, WHOLE_TREE)) {
    throw new ApplicationError('ADMIN_ONLY', `只有管理员可以${what}：请联系管理员。`);
  }
  return viewer;
}
