import { type UserRecord, type UsersRepository } from '@rectify/persistence';
import { ApplicationError } from '../errors/application-error';

/**
 * The account with exactly this username.
 * @throws ApplicationError USER_NOT_FOUND
 */
export async function requireUserNamed(users: UsersRepository, username: string): Promise<UserRecord> {
  const user = await users.findByUsername(username);
  if (!user)
    throw new ApplicationError('USER_NOT_FOUND', `用户"${username}"不存在：请检查用户名。`, { username });
  return user;
}
