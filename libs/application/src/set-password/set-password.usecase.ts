import { type UsersRepository } from '@rectify/persistence';
import { hashPassword } from '../auth/passwords';
import { ApplicationError } from '../errors/application-error';

/** Set a user's password (设置密码), e.g. by an administrator or the operator. */
export interface SetPasswordCommand {
  username: string;
  password: string;
}

/**
 * Sets a user's password after the password rules. The database bumps the user's token version
 * with it, so tokens issued before stop working.
 * Errors (ApplicationError): PASSWORD_REJECTED, USER_NOT_FOUND.
 */
export class SetPasswordUseCase {
  constructor(private readonly users: UsersRepository) {}

  async execute(command: SetPasswordCommand): Promise<void> {
    const passwordHash = await hashPassword(command.password, command.username);
    if (!(await this.users.setPasswordHash(command.username, passwordHash))) {
      throw new ApplicationError('USER_NOT_FOUND', `用户"${command.username}"不存在：请检查用户名。`, {
        username: command.username,
      });
    }
  }
}
