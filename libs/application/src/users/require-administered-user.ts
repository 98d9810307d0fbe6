import { type OrganisationsRepository, type UserRecord, type UsersRepository } from '@rectify/persistence';
import { type ReadScope } from '@rectify/workflow';
import { isUuid } from '../common/is-uuid';
import { ApplicationError } from '../errors/application-error';

/** The refusal of an account that does not exist or is outside the administrator's scope. */
export function userNotFound(idOrUsername: string): ApplicationError {
  return new ApplicationError(
    'USER_NOT_FOUND',
    `用户"${idOrUsername}"不存在，或不在您的管理范围内：请检查后重试。`,
    { user: idOrUsername },
  );
}

/** An account named by its id (the API) or its username (the CLI). */
export type UserRef = { id: string } | { username: string };

/**
 * The account with this id or username, when its organisation is within `scope` (the administrator's);
 * out of scope is answered as not found, so a refusal tells nothing about other subtrees.
 * @throws ApplicationError USER_NOT_FOUND
 */
export async function requireAdministeredUser(
  users: UsersRepository,
  organisations: OrganisationsRepository,
  scope: ReadScope,
  ref: UserRef,
): Promise<UserRecord> {
  const user =
    'id' in ref
      ? isUuid(ref.id)
        ? await users.findById(ref.id)
        : null
      : await users.findByUsername(ref.username);
  if (!user || !(await organisations.findById(scope, user.organisationId)))
    throw userNotFound('id' in ref ? ref.id : ref.username);
  return user;
}
