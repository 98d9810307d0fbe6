import bcrypt from 'bcryptjs';
import {
  type OrganisationsRepository,
  type UsersRepository,
  type ViewersRepository,
} from '@rectify/persistence';
import { BCRYPT_COST } from '../auth/passwords';
import { type AdministeredBy, requireAdministrator } from '../organisations/administering';
import { requireAdministeredUser, type UserRef, userNotFound } from '../users/require-administered-user';
import { generateOneTimePassword } from '../users/one-time-password';

/** Reset a person's password (重置密码) to a one-time password. */
export interface ResetUserPasswordCommand {
  by: AdministeredBy;
  user: UserRef;
}

/** The one-time password, to be shown once to the administrator and never kept. */
export interface ResetUserPasswordResult {
  id: string;
  username: string;
  displayName: string;
  oneTimePassword: string;
}

/**
 * Replaces the person's password with a new random one-time password (generateOneTimePassword)
 * and marks it "must change": the person logs in with it and must choose a password before
 * anything else. Only its bcrypt hash is stored; the clear text is returned once and must not
 * be logged. Every session of the person ends (the token version moves with the hash).
 * Only administrators (and the operator) may, for accounts within their scope.
 * Errors (ApplicationError): ADMIN_ONLY, USER_NOT_FOUND (unknown or out of scope).
 */
export class ResetUserPasswordUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly viewers: ViewersRepository,
  ) {}

  async execute(command: ResetUserPasswordCommand): Promise<ResetUserPasswordResult> {
    const scope = await requireAdministrator(this.viewers, command.by, '重置密码');
    const user = await requireAdministeredUser(this.users, this.organisations, scope, command.user);
    const oneTimePassword = generateOneTimePassword();
    const passwordHash = await bcrypt.hash(oneTimePassword, BCRYPT_COST);
    if (!(await this.users.setPasswordById(user.id, passwordHash, true))) throw userNotFound(user.id);
    return { id: user.id, username: user.username, displayName: user.displayName, oneTimePassword };
  }
}
