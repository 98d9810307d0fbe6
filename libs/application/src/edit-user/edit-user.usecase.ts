import {
  type OrganisationsRepository,
  type UpdateUserOutcome,
  type UserChanges,
  type UsersRepository,
  type ViewersRepository,
} from '@rectify/persistence';
import { type AdministeredBy, requireAdministrator } from '../organisations/administering';
import { lastAdministrator } from '../users/account-refusals';
import { type OrganisationIdOrName, requireOrganisationRef } from '../users/require-organisation-ref';
import { requireActiveOrganisation } from '../organisations/require-active-organisation';
import { requireAdministeredUser, type UserRef, userNotFound } from '../users/require-administered-user';
import { toUserEntry, type UserEntry } from '../users/user-entry';
import { checkedDisplayName, checkedEmail, checkedPhone } from '../users/user-fields';

/** Edit a person (编辑人员): every field is optional; null or '' clears phone and e-mail. */
export interface EditUserCommand {
  by: AdministeredBy;
  user: UserRef;
  displayName?: string;
  phone?: string | null;
  email?: string | null;
  organisation?: OrganisationIdOrName;
}

/**
 * Changes a person's name, phone, e-mail or home organisation (所在组织; their positions are
 * SetUserPositionsUseCase's). Only administrators (and the operator) may, for accounts and
 * organisations within the subtrees they administer.
 * Errors (ApplicationError): ADMIN_ONLY, USER_NOT_FOUND, INVALID_ARGUMENT, ORGANISATION_NOT_FOUND,
 * LAST_ADMINISTRATOR.
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
