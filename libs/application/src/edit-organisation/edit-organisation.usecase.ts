import { cleanText, type OrganisationKind } from '@rectify/domain';
import {
  type OrganisationRecord,
  type OrganisationsRepository,
  type ViewersRepository,
} from '@rectify/persistence';
import { ApplicationError } from '../errors/application-error';
import { type AdministeredBy, requireAdministrator } from '../organisations/administering';
import { requireAdministeredOrganisation } from '../organisations/require-administered-organisation';
import { type OrganisationIdOrName } from '../users/require-organisation-ref';

/** Rename (重命名) an organisation and/or change its kind (党委 / 党工委 / 党总支 / 党支部). */
export interface EditOrganisationCommand {
  by: AdministeredBy;
  organisation: OrganisationIdOrName;
  /** The new name; cleaned of characters XML forbids, must stay unique in the whole tree. */
  name?: string;
  kind?: OrganisationKind;
}

/**
 * Renames an organisation and/or changes its kind. Only an administrator of the organisation's
 * subtree (or the operator) may; one outside it is not found.
 * Errors (ApplicationError): USER_NOT_FOUND, ADMIN_ONLY, ORGANISATION_NOT_FOUND (404),
 * INVALID_ARGUMENT (nothing to change, an empty name), ORGANISATION_EXISTS (409, the name is taken).
 */
export class EditOrganisationUseCase {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly viewers: ViewersRepository,
  ) {}

  async execute(command: EditOrganisationCommand): Promise<OrganisationRecord> {
    const scope = await requireAdministrator(this.viewers, command.by, '修改党组织');
    const name = command.name === undefined ? undefined : cleanText(command.name).trim();
    if (name === '') throw new ApplicationError('INVALID_ARGUMENT', '组织名称不能为空。');
    if (name === undefined && command.kind === undefined)
      throw new ApplicationError('INVALID_ARGUMENT', '请填写新的组织名称或组织类别。');
    const org = await requireAdministeredOrganisation(this.organisations, scope, command.organisation);
    const outcome = await this.organisations.edit(org.id, { name, kind: command.kind });
    if (outcome.kind === 'name_taken')
      throw new ApplicationError('ORGANISATION_EXISTS', `组织名称"${name}"已被使用：请换一个名称。`, {
        name,
      });
    if (outcome.kind === 'not_found')
      throw new ApplicationError('ORGANISATION_NOT_FOUND', '组织不存在，或不在您的管理范围内：请重新选择。');
    return outcome.organisation;
  }
}
