import bcrypt from 'bcryptjs';
import { type UserRecord, type UsersRepository } from '@rectify/persistence';
import { accountDisabled, hashPassword } from '../auth/passwords';
import { ApplicationError } from '../errors/application-error';

/** Change one's own password (修改密码): the current one, and the new one (confirmed by the client). */
export interface ChangeOwnPasswordCommand {
  userId: string;
  currentPassword: string;
  newPassword: string;
}

/**
 * Changes the signed-in person's password after checking the current one and the password rules
 * (checkPasswordPolicy: at least 8 characters, at most 72 UTF-8 bytes, not common, repeated, a
 * run, nor the username), and clears "must change" (a reset's one-time password). The database
 * moves the token version with the hash, so every session of this person ends, this one too:
 * the caller hands out a new token from the returned account (its new tokenVersion).
 * Errors (ApplicationError): USER_NOT_FOUND, ACCOUNT_DISABLED, WRONG_CURRENT_PASSWORD,
 * PASSWORD_UNCHANGED, PASSWORD_REJECTED.
 */
export class ChangeOwnPasswordUseCase {
  constructor(private readonly users: UsersRepository) {}

  async execute(command: ChangeOwnPasswordCommand): Promise<UserRecord> {
    const user = await this.users.findById(command.userId);
    if (!user) throw new ApplicationError('USER_NOT_FOUND', '账号已不存在：请联系管理员。');
    if (user.disabled) throw accountDisabled();
    if (!user.passwordHash || !(await bcrypt.compare(command.currentPassword, user.passwordHash)))
      throw new ApplicationError('WRONG_CURRENT_PASSWORD', '当前密码不正确：请重新输入。');
    if (command.newPassword === command.currentPassword)
      throw new ApplicationError('PASSWORD_UNCHANGED', '新密码不能与当前密码相同：请换一个密码。');
    const passwordHash = await hashPassword(command.newPassword, user.username);
    if (!(await this.users.setPasswordById(user.id, passwordHash, false)))
      throw new ApplicationError('USER_NOT_FOUND', '账号已不存在：请联系管理员。');
    const changed = await this.users.findById(user.id);
    if (!changed) throw new ApplicationError('USER_NOT_FOUND', '账号已不存在：请联系管理员。');
    return changed;
  }
}
