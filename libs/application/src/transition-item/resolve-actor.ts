import { OrganisationEntity, UserEntity } from '@rectify/persistence';
import { type WorkflowActor } from '@rectify/workflow';
import { type EntityManager } from 'typeorm';
import { ApplicationError } from '../errors/application-error';
import { scopeOf } from '../organisations/organisation-tree';

/** The system itself (reconciliation, reminders) acts without a user account. */
export const SYSTEM_ACTOR_ID = 'system';

/** Who the user is, seen from the item's organisation. */
export async function resolveActor(
  m: EntityManager,
  userId: string,
  itemOrganisationId: string,
): Promise<WorkflowActor> {
  if (userId === SYSTEM_ACTOR_ID) return { userId, role: 'system', scope: 'unrelated' };
  const user = await m.getRepository(UserEntity).findOneBy({ id: userId });
  if (!user)
    throw new ApplicationError('USER_NOT_FOUND', '操作人不存在：请重新登录或联系管理员。', { userId });
  const orgs = m.getRepository(OrganisationEntity);
  const [own, itemOrg] = await Promise.all([
    orgs.findOneByOrFail({ id: user.organisationId }),
    orgs.findOneByOrFail({ id: itemOrganisationId }),
  ]);
  return { userId: user.id, role: user.role, scope: scopeOf(own, itemOrg) };
}
