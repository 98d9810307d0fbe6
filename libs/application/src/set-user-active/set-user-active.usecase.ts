import {
  type OrganisationsRepository,
  type UsersRepository,
  type ViewersRepository,
} from '@rectify/persistence';
import { type AdministeredBy, requireAdministrator } from '../organisations/administering';
import { lastAdministrator, ownAccountProtected } from '../users/account-refusals';
import { requireAdministeredUser, type UserRef, userNotFound } from '../users/require-administered-user';
import { toUserEntry, type UserEntry } from '../users/user-entry';

/** Deactivate (停用, active false) or reactivate (启用, active true) a person's account. */
export interface SetUserActiveCommand {
  by: AdministeredBy;
  user: UserRef;
  active: boolean;
}

/**
 * Deactivates or reactivates an account. A deactivated account cannot log in and its sessions
 * end at once (the token version moves; every request reads `disabled`). An administrator may
 * not deactivate themselves, and the last active administrator stays active. Doing what is
 * already done changes nothing. Only administrators (and the operator) may, within their scope.
 * Errors (ApplicationError): ADMIN_ONLY, USER_NOT_FOUND, OWN_ACCOUNT_PROTECTED, LAST_ADMINISTRATOR.
 */
export class SetUserActiveUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly viewers: ViewersRepository,
  ) {}

  async execute(command: SetUserActiveCommand): Promise<UserEntry> {
    const scope = await requireAdministrator(
      this.viewers,
      command.by,
      command.active ? '启用账号' : '停用账号',
    );
    const user = await requireAdministeredUser(this.users, this.organisations, scope, command.user);
    if (!command.active && command.by !== 'operator' && command.by.userId === user.id)
      throw ownAccountProtected('不能停用自己的账号');
    const outcome = await this.users.update(user.id, { disabled: !command.active });
    if (outcome.kind === 'not_found') throw userNotFound(user.id);
    if (outcome.kind === 'last_administrator') throw lastAdministrator();
    const org = await this.organisations.findById('operator', outcome.user.organisationId);
    return toUserEntry(outcome.user, org?.name ?? '');
  }
}
