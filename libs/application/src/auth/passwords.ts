import bcrypt from 'bcryptjs';
import { UserEntity } from '@rectify/persistence';
import { type DataSource } from 'typeorm';
import { ApplicationError } from '../errors/application-error';
import { checkPasswordPolicy } from './password-policy';

/** bcrypt cost: about 50 ms a hash here, slow enough against guessing, fast enough to log in. */
const COST = 10;

/**
 * The bcrypt hash of a new password, after the password rules (see checkPasswordPolicy);
 * `username` lets the rules refuse a password equal to it.
 * @throws ApplicationError PASSWORD_REJECTED
 */
export async function hashPassword(password: string, username?: string): Promise<string> {
  checkPasswordPolicy(password, username);
  return bcrypt.hash(password, COST);
}

/**
 * Sets a user's password. The database bumps the user's token version with it, so tokens
 * issued before stop working.
 * @throws ApplicationError PASSWORD_REJECTED, USER_NOT_FOUND
 */
export async function setUserPassword(db: DataSource, username: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password, username);
  const result = await db.getRepository(UserEntity).update({ username }, { passwordHash });
  if (!result.affected)
    throw new ApplicationError('USER_NOT_FOUND', `用户"${username}"不存在：请检查用户名。`, { username });
}

// Compared against when the user does not exist, so both failures take the same time.
const UNKNOWN_USER_HASH = bcrypt.hashSync('no such user', COST);

/**
 * The user whose password this is; one message for a wrong name or a wrong password. A disabled
 * account is refused only after its password matched, so the refusal tells a guesser nothing.
 * @throws ApplicationError INVALID_CREDENTIALS, ACCOUNT_DISABLED
 */
export async function authenticate(db: DataSource, username: string, password: string): Promise<UserEntity> {
  const user = await db.getRepository(UserEntity).findOneBy({ username });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user || !user.passwordHash || !ok) {
    throw new ApplicationError('INVALID_CREDENTIALS', '用户名或密码不正确。');
  }
  if (user.disabled) throw accountDisabled();
  return user;
}

/** The refusal of a disabled (停用) account, at login and for its tokens. */
export function accountDisabled(): ApplicationError {
  return new ApplicationError('ACCOUNT_DISABLED', '账号已停用：请联系管理员恢复后再登录。');
}
