import {
  type OrganisationsRepository,
  type UpdateUserOutcome,
  type UserChanges,
  type UserRole,
  type UsersRepository,
  type ViewersRepository,
} from '@rectify/persistence';
import { type AdministeredBy, requireAdministrator } from '../organisations/administering';
import { lastAdministrator, ownAccountProtected } from '../users/account-refusals';
import { type OrganisationIdOrName, requireOrganisationRef } from '../users/require-organisation-ref';
import { requireActiveOrganisation } from '../organisations/require-active-organisation';
import { requireAdministeredUser, type UserRef, userNotFound } from '../users/require-administered-user';
import { toUserEntry, type UserEntry } from '../users/user-entry';
import { checkedDisplayName, checkedEmail, checkedPhone, checkedRole } from '../users/user-fields';

/** Edit a person (编辑人员): every field is optional; null or '' clears phone and e-mail. */
export interface EditUserCommand {
  by: AdministeredBy;
  user: UserRef;
  displayName?: string;
  phone?: string | null;
  email?: string | null;
  organisation?: OrganisationIdOrName;
  role?: UserRole;
}

/**
 * Changes a person's name, phone, e-mail, organisation or role. Only administrators (and the
 * operator) may, for accounts and organisations within their scope. An administrator may not
 * change their own role, and the last active administrator keeps theirs. A new role ends the
 * person's sessions (the token version moves with it).
 * Errors (ApplicationError): ADMIN_ONLY, USER_NOT_FOUND, INVALID_ARGUMENT, ORGANISATION_NOT_FOUND,
 * OWN_ACCOUNT_PROTECTED, LAST_ADMINISTRATOR.
 */
export class EditUserUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly viewers: ViewersRepository,
  ) {}

  async execute(command: EditUserCommand): Promise<UserEntry> {
    const scope = await requireAdministrator(this.viewers, command.by, '编辑人员');
    const user = await requireAdministeredUser(this.users, this.organisations, scope, command.user);
    const changes: UserChanges = {};
    if (command.displayName !== undefined) changes.displayName = checkedDisplayName(command.displayName);
    if (command.phone !== undefined) changes.phone = checkedPhone(command.phone);
    if (command.email !== undefined) changes.email = checkedEmail(command.email);
    if (command.role !== undefined) {
      changes.role = checkedRole(command.role);
      if (command.by !== 'operator' && command.by.userId === user.id && changes.role !== user.role)
        throw ownAccountProtected('不能修改自己的角色');
    }
    if (command.organisation) {
      const org = await requireOrganisationRef(this.organisations, scope, command.organisation);
      if (org.id !== user.organisationId) requireActiveOrganisation(org, '调入人员');
      changes.organisationId = org.id;
    }
    const outcome: UpdateUserOutcome = await this.users.update(user.id, changes);
    if (outcome.kind === 'not_found') throw userNotFound(user.id);
    if (outcome.kind === 'last_administrator') throw lastAdministrator();
    const org = await this.organisations.findById('operator', outcome.user.organisationId);
    return toUserEntry(outcome.user, org?.name ?? '');
  }
}
