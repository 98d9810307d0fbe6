import { cleanOptionalText } from '@rectify/domain';
import {
  type OrganisationsRepository,
  type UserRecord,
  type UsersRepository,
  type ViewersRepository,
} from '@rectify/persistence';
import { checkPasswordPolicy } from '../auth/password-policy';
import { hashPassword } from '../auth/passwords';
import { ApplicationError } from '../errors/application-error';
import { type AdministeredBy, requireAdministrator } from '../organisations/administering';
import { requireOrganisationNamed } from '../organisations/require-organisation-named';
import { type PositionGrant, resolvePositionGrants } from '../users/position-grants';
import { requireActiveOrganisation } from '../organisations/require-active-organisation';

/** Add a user (添加用户) to an organisation named (the CLI) or identified (the API). */
export interface AddUserCommand {
  by: AdministeredBy;
  username: string;
  /** 所在组织: the person's home organisation. */
  organisation: { name: string } | { id: string };
  /** Their positions (职务), at least one; a grant without an organisation is in the home one. */
  positions: readonly PositionGrant[];
  displayName?: string;
  email?: string;
  password?: string;
}

/**
 * Adds a person (添加人员) to an organisation with their positions, in one transaction. Only
 * administrators (and the operator) may, within the subtrees they administer (the home
 * organisation and every position's). A password, when given, must pass the password rules
 * (checkPasswordPolicy) and is stored as a bcrypt hash; without one the person cannot log in
 * until a password is set.
 * Errors (ApplicationError): USER_NOT_FOUND (the administrator's account is gone), ADMIN_ONLY,
 * INVALID_ARGUMENT (username form, positions), PASSWORD_REJECTED, ORGANISATION_NOT_FOUND,
 * ORGANISATION_DISABLED, USER_EXISTS (409).
 */
export class AddUserUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly viewers: ViewersRepository,
  ) {}

  async execute(command: AddUserCommand): Promise<UserRecord & { organisationName: string }> {
    const scope = await requireAdministrator(this.viewers, command.by, '添加用户');
    // An unknown organisation id is reported by the id itself, as the name that was not found.
    const organisationName =
      'id' in command.organisation
        ? ((await this.organisations.findById(scope, command.organisation.id))?.name ??
          command.organisation.id)
        : command.organisation.name;
    const username = command.username.trim();
    if (!/^[\w.@-]{2,64}$/.test(username)) {
      throw new ApplicationError('INVALID_ARGUMENT', '用户名须为2至64位字母、数字或 . _ @ - 符号。', {
        username,
      });
    }
    // Refused before any lookup; the same rules as every other place a password is set.
    if (command.password !== undefined) checkPasswordPolicy(command.password, username);
    const org = await requireOrganisationNamed(this.organisations, scope, organisationName);
    requireActiveOrganisation(org, '添加人员');
    const positions = await resolvePositionGrants(this.organisations, scope, org, command.positions);
    if (await this.users.findByUsername(username)) {
      throw new ApplicationError('USER_EXISTS', `用户"${username}"已存在。`, { username });
    }
    const created = await this.users.add({
      username,
      // Names appear in histories and exports: no character XML forbids (see cleanText).
      displayName: cleanOptionalText(command.displayName)?.trim() || username,
      organisationId: org.id,
      positions,
      email: command.email ?? null,
      passwordHash: command.password === undefined ? null : await hashPassword(command.password, username),
    });
    return { ...created, organisationName: org.name };
  }
}
