import {
  type OrganisationRecord,
  type OrganisationsRepository,
  type ViewersRepository,
} from '@rectify/persistence';
import { ApplicationError } from '../errors/application-error';
import { type AdministeredBy, requireAdministrator } from '../organisations/administering';
import { requireAdministeredOrganisation } from '../organisations/require-administered-organisation';
import { type OrganisationIdOrName } from '../users/require-organisation-ref';

/** Disable (停用) or enable again (启用) an organisation. */
export interface SetOrganisationActiveCommand {
  by: AdministeredBy;
  organisation: OrganisationIdOrName;
  active: boolean;
}

/**
 * Disables or enables an organisation. A disabled organisation keeps its items, people and
 * history; it is hidden from pickers and takes no new people, items or imports. A root cannot be
 * disabled; an organisation with active organisations below it neither (disable those first); one
 * cannot be enabled below a disabled parent. Doing what is already done changes nothing.
 * Errors (ApplicationError): USER_NOT_FOUND, ADMIN_ONLY, ORGANISATION_NOT_FOUND (404),
 * ORGANISATION_IS_ROOT, ORGANISATION_HAS_ACTIVE_CHILDREN, ORGANISATION_DISABLED (409).
 */
export class SetOrganisationActiveUseCase {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly viewers: ViewersRepository,
  ) {}

  async execute(command: SetOrganisationActiveCommand): Promise<OrganisationRecord> {
    const what = command.active ? '启用党组织' : '停用党组织';
    const scope = await requireAdministrator(this.viewers, command.by, what);
    const org = await requireAdministeredOrganisation(this.organisations, scope, command.organisation);
    const outcome = await this.organisations.setDisabled(org.id, !command.active);
    switch (outcome.kind) {
      case 'done':
        return outcome.organisation;
      case 'is_root':
        throw new ApplicationError('ORGANISATION_IS_ROOT', `"${org.name}"是顶层组织，不能停用或启用。`, {
          id: org.id,
        });
      case 'has_active_children':
        throw new ApplicationError(
          'ORGANISATION_HAS_ACTIVE_CHILDREN',
          `"${org.name}"下还有 ${outcome.count} 个在用的下级组织：请先停用或移走这些下级组织。`,
          { id: org.id, count: outcome.count },
        );
      case 'parent_disabled':
        throw new ApplicationError(
          'ORGANISATION_DISABLED',
          `"${org.name}"的上级组织已停用：请先启用上级组织。`,
          { id: org.id },
        );
      case 'not_found':
        throw new ApplicationError(
          'ORGANISATION_NOT_FOUND',
          '组织不存在，或不在您的管理范围内：请重新选择。',
        );
    }
  }
}
