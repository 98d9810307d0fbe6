import bcrypt from 'bcryptjs';
import { type UserRecord, type UsersRepository } from '@rectify/persistence';
import { BCRYPT_COST, accountDisabled } from '../auth/passwords';
import { ApplicationError } from '../errors/application-error';

/** Log in with a username and password (用户名密码登录). */
export interface AuthenticateCommand {
  username: string;
  password: string;
}

// Compared against when the user does not exist, so both failures take the same time.
const UNKNOWN_USER_HASH = bcrypt.hashSync('no such user', BCRYPT_COST);

/**
 * The user whose password this is; one message for a wrong name or a wrong password (and for
 * an account without a password). A disabled account is refused only after its password
 * matched, so the refusal tells a guesser nothing.
 * Errors (ApplicationError): INVALID_CREDENTIALS, ACCOUNT_DISABLED.
 */
export class AuthenticateUseCase {
  constructor(private readonly users: UsersRepository) {}

  async execute(command: AuthenticateCommand): Promise<UserRecord> {
    const user = await this.users.findByUsername(command.username);
    const ok = await bcrypt.compare(command.password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!user || !user.passwordHash || !ok) {
      throw new ApplicationError('INVALID_CREDENTIALS', '用户名或密码不正确。');
    }
    if (user.disabled) throw accountDisabled();
    return user;
  }
}
