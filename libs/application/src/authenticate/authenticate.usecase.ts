import bcrypt from 'bcryptjs';
import { type UserRecord, type UsersRepository } from '@rectify/persistence';
import { BCRYPT_COST, accountDisabled } from '../auth/passwords';
import { ApplicationError } from '../errors/application-error';

/** Log in with a username and password (用户名密码登录). */
export interface AuthenticateCommand {
  username: string;
  password: string;
}

// Compared against when the user does not exist, so both failures take the same time. Made on
// the first login of the process, beside the user's lookup, not when the module loads: a
// bcrypt hash is about 100 ms, which every process (each CLI command) paid at start.
let unknownUserHash: Promise<string> | null = null;

/**
 * The user whose password this is; one message for a wrong name or a wrong password (and for
 * an account without a password). A disabled account is refused only after its password
 * matched, so the refusal tells a guesser nothing.
 * Errors (ApplicationError): INVALID_CREDENTIALS, ACCOUNT_DISABLED.
 */
export class AuthenticateUseCase {
  constructor(private readonly users: UsersRepository) {}

  async execute(command: AuthenticateCommand): Promise<UserRecord> {
    unknownUserHash ??= bcrypt.hash('no such user', BCRYPT_COST);
    const user = await this.users.findByUsername(command.username);
    const ok = await bcrypt.compare(command.password, user?.passwordHash ?? (await unknownUserHash));
    if (!user || !user.passwordHash || !ok) {
      throw new ApplicationError('INVALID_CREDENTIALS', '用户名或密码不正确。');
    }
    if (user.disabled) throw accountDisabled();
    return user;
  }
}
