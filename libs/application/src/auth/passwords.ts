import bcrypt from 'bcryptjs';
import { UserEntity } from '@rectify/persistence';
import { type DataSource } from 'typeorm';
import { ApplicationError } from '../errors/application-error';

/** bcrypt cost: about 50 ms a hash here, slow enough against guessing, fast enough to log in. */
const COST = 10;
export const MIN_PASSWORD_LENGTH = 8;

export async function hashPassword(password: string): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new ApplicationError('INVALID_ARGUMENT', `密码至少需要${MIN_PASSWORD_LENGTH}位。`);
  }
  return bcrypt.hash(password, COST);
}

export async function setUserPassword(db: DataSource, username: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  const result = await db.getRepository(UserEntity).update({ username }, { passwordHash });
  if (!result.affected)
    throw new ApplicationError('USER_NOT_FOUND', `用户"${username}"不存在：请检查用户名。`, { username });
}

// Compared against when the user does not exist, so both failures take the same time.
const UNKNOWN_USER_HASH = bcrypt.hashSync('no such user', COST);

/** The user whose password this is; one message for a wrong name or a wrong password. */
export async function authenticate(db: DataSource, username: string, password: string): Promise<UserEntity> {
  const user = await db.getRepository(UserEntity).findOneBy({ username });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user || !user.passwordHash || !ok) {
    throw new ApplicationError('INVALID_CREDENTIALS', '用户名或密码不正确。');
  }
  return user;
}
