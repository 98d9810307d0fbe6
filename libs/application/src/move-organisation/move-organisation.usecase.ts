import {
  type OrganisationRecord,
  type OrganisationsRepository,
  type ViewersRepository,
} from '@rectify/persistence';
import { ApplicationError } from '../errors/application-error';
import { type AdministeredBy, requireAdministrator } from '../organisations/administering';
import { organisationDisabled } from '../organisations/require-active-organisation';
import { requireAdministeredOrganisation } from '../organisations/require-administered-organisation';
import { type OrganisationIdOrName } from '../users/require-organisation-ref';

/** Move (移动) an organisation, with everything below it, under another parent. */
export interface MoveOrganisationCommand {
  by: AdministeredBy;
  organisation: OrganisationIdOrName;
  newParent: OrganisationIdOrName;
}

/** The Chinese refusal of a move that would close a cycle in the tree. */
export const ORGANISATION_CYCLE_MESSAGE = '不能把组织移到它自己或其下级组织之下。';

/**
 * Moves an organisation and its subtree under `newParent` (their items, people and history move
 * with them: they hang on the organisations, whose paths are rewritten). The administrator must
 * administer both the organisation and the new parent (either outside their subtree: not found).
 * Errors (ApplicationError): USER_NOT_FOUND, ADMIN_ONLY, ORGANISATION_NOT_FOUND (404),
 * ORGANISATION_CYCLE (409: under itself or below itself), ORGANISATION_IS_ROOT (409),
 * ORGANISATION_DISABLED (409: an active organisation under a disabled one).
 */
export class MoveOrganisationUseCase {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly viewers: ViewersRepository,
  ) {}

  async execute(command: MoveOrganisationCommand): Promise<OrganisationRecord> {
    const scope = await requireAdministrator(this.viewers, command.by, '移动党组织');
    const org = await requireAdministeredOrganisation(this.organisations, scope, command.organisation);
    const parent = await requireAdministeredOrganisation(this.organisations, scope, command.newParent);
    // The repository decides again under its locks: the tree may change meanwhile.
    const outcome = await this.organisations.move(org.id, parent.id);
    switch (outcome.kind) {
      case 'moved':
        return outcome.organisation;
      case 'cycle':
        throw new ApplicationError('ORGANISATION_CYCLE', ORGANISATION_CYCLE_MESSAGE, {
          id: org.id,
          parentId: parent.id,
        });
      case 'is_root':
        throw new ApplicationError('ORGANISATION_IS_ROOT', `"${org.name}"是顶层组织，不能移动。`, {
          id: org.id,
        });
      case 'parent_disabled':
        throw organisationDisabled(parent, '把组织移到其下');
      case 'not_found':
      case 'parent_not_found':
        throw new ApplicationError(
          'ORGANISATION_NOT_FOUND',
          '组织不存在，或不在您的管理范围内：请重新选择。',
        );
    }
  }
}
