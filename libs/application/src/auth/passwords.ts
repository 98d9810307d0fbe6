import bcrypt from 'bcryptjs';
import { ApplicationError } from '../errors/application-error';
import { checkPasswordPolicy } from './password-policy';

/** bcrypt cost: about 50 ms a hash here, slow enough against guessing, fast enough to log in. */
export const BCRYPT_COST = 10;

/**
 * The bcrypt hash of a new password, after the password rules (see checkPasswordPolicy);
 * `username` lets the rules refuse a password equal to it.
 * @throws ApplicationError PASSWORD_REJECTED
 */
export async function hashPassword(password: string, username?: string): Promise<string> {
  checkPasswordPolicy(password, username);
  return bcrypt.hash(password, BCRYPT_COST);
}

/** The refusal of a disabled (停用) account, at login and for its tokens. */
export function accountDisabled(): ApplicationError {
  return new ApplicationError('ACCOUNT_DISABLED', '账号已停用：请联系管理员恢复后再登录。');
}
