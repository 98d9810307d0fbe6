import {
  type OrganisationsRepository,
  type UsersRepository,
  type ViewersRepository,
} from '@rectify/persistence';
import { type AdministeredBy, requireAdministrator } from '../organisations/administering';
import { lastAdministrator, ownAccountProtected } from '../users/account-refusals';
import { type PositionGrant, resolvePositionGrants } from '../users/position-grants';
import { requireAdministeredUser, type UserRef, userNotFound } from '../users/require-administered-user';
import { toUserEntry, type UserEntry } from '../users/user-entry';

/** Set a person's positions (设置职务): the whole list, replacing what they held. */
export interface SetUserPositionsCommand {
  by: AdministeredBy;
  user: UserRef;
  /** At least one; a grant without an organisation is in the person's home organisation. */
  positions: readonly PositionGrant[];
}

/**
 * Replaces a person's positions (职务) with `positions`, in one transaction. Only administrators
 * (and the operator) may, for people and organisations within the subtrees they administer;
 * positions the person holds outside those subtrees are kept as they are (another
 * administrator's to change). An administrator may not take away their own 管理员 positions, and
 * the last active root administrator keeps theirs. Takes effect on the person's next request.
 * Errors (ApplicationError): ADMIN_ONLY, USER_NOT_FOUND, INVALID_ARGUMENT, ORGANISATION_NOT_FOUND
 * (outside the subtree), ORGANISATION_DISABLED, OWN_ACCOUNT_PROTECTED, LAST_ADMINISTRATOR.
 */
export class SetUserPositionsUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly viewers: ViewersRepository,
  ) {}

  async execute(command: SetUserPositionsCommand): Promise<UserEntry> {
    const scope = await requireAdministrator(this.viewers, command.by, '设置职务');
    const user = await requireAdministeredUser(this.users, this.organisations, scope, command.user);
    const home = await this.organisations.findById('operator', user.organisationId);
    if (!home) throw userNotFound(user.id);
    const granted = await resolvePositionGrants(this.organisations, scope, home, command.positions);
    const administered = (path: string) =>
      scope === 'operator' || scope.positions.some((p) => path.startsWith(p.organisationPath));
    const keptOutside = user.positions
      .filter((p) => !administered(p.organisationPath))
      .map(({ organisationId, kind, rights }) => ({ organisationId, kind, rights }));
    if (command.by !== 'operator' && command.by.userId === user.id) {
      const adminOrgs = (list: { organisationId: string; kind: string }[]) =>
        list.filter((p) => p.kind === 'admin').map((p) => p.organisationId);
      const after = new Set(adminOrgs([...granted, ...keptOutside]));
      if (adminOrgs(user.positions).some((id) => !after.has(id)))
        throw ownAccountProtected('不能取消自己的管理员职务');
    }
    const outcome = await this.users.setPositions(user.id, [...keptOutside, ...granted]);
    if (outcome.kind === 'not_found') throw userNotFound(user.id);
    if (outcome.kind === 'last_administrator') throw lastAdministrator();
    return toUserEntry(outcome.user, home.name);
  }
}
