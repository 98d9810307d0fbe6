import { type ViewersRepository } from '@rectify/persistence';
import { administrationScope, type ReadScope } from '@rectify/workflow';
import { ApplicationError } from '../errors/application-error';
import { requireViewer } from '../item-queries/require-viewer';

/** Who asks for an administrative action: a signed-in user, or the operator at the command line. */
export type AdministeredBy = { userId: string } | 'operator';

/**
 * The scope of whoever administers (管理: organisations, people, imports): the subtrees of their 管理员 positions (administrationScope),
 * so every lookup made with it finds only what they administer, and out of it is "not found".
 * Refused before any lookup when they administer nothing, so a refusal says nothing about which
 * organisations or users exist. `what` completes the refusal's message (e.g. 添加党组织).
 * @throws ApplicationError USER_NOT_FOUND (the account is gone), ADMIN_ONLY (not an administrator)
 */
export async function requireAdministrator(
  viewers: ViewersRepository,
  by: AdministeredBy,
  what: string,
): Promise<ReadScope> {
  if (by === 'operator') return 'operator';
  const scope = administrationScope(await requireViewer(viewers, by.userId));
  if (scope.positions.length === 0) {
    throw new ApplicationError('ADMIN_ONLY', `只有管理员可以${what}：请联系管理员。`);
  }
  return scope;
}
