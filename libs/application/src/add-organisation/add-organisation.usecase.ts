import { cleanText } from '@rectify/domain';
import {
  type OrganisationKind,
  type OrganisationRecord,
  type OrganisationsRepository,
  type ViewersRepository,
} from '@rectify/persistence';
import { ApplicationError } from '../errors/application-error';
import { type AdministeredBy, requireAdministrator } from '../organisations/administering';
import { kindFromName } from './kind-from-name';

/**
 * Add a Party organisation (添加党组织), as a root or under a parent named or identified.
 * `kind` defaults to what the name suggests (kindFromName).
 */
export interface AddOrganisationCommand {
  by: AdministeredBy;
  name: string;
  /** The parent by exact name (the CLI) or by id (the API); absent or '' for a root. */
  parent?: { name: string } | { id: string };
  kind?: OrganisationKind;
}

/**
 * Adds an organisation; its path is its parent's path plus its own id. Only administrators (and
 * the operator) may. The name is cleaned of characters XML forbids (it heads the Word and Excel
 * exports) and must be unique in the whole tree.
 * Errors (ApplicationError): USER_NOT_FOUND, ADMIN_ONLY, INVALID_ARGUMENT (empty name),
 * ORGANISATION_EXISTS (409), ORGANISATION_NOT_FOUND (no such parent).
 */
export class AddOrganisationUseCase {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly viewers: ViewersRepository,
  ) {}

  async execute(command: AddOrganisationCommand): Promise<OrganisationRecord> {
    const scope = await requireAdministrator(this.viewers, command.by, '添加党组织');
    // An unknown parent id is reported by the id itself, as the name that was not found.
    const parentName =
      command.parent && 'id' in command.parent
        ? ((await this.organisations.findById(scope, command.parent.id))?.name ?? command.parent.id)
        : command.parent?.name;
    const name = cleanText(command.name).trim();
    if (!name) throw new ApplicationError('INVALID_ARGUMENT', '组织名称不能为空。');
    const outcome = await this.organisations.add({
      name,
      kind: command.kind ?? kindFromName(name),
      parentName: parentName ? cleanText(parentName).trim() : null,
    });
    if (outcome.kind === 'name_taken') {
      throw new ApplicationError('ORGANISATION_EXISTS', `组织"${name}"已存在，无需重复添加。`, { name });
    }
    if (outcome.kind === 'parent_not_found') {
      throw new ApplicationError(
        'ORGANISATION_NOT_FOUND',
        `上级组织"${parentName}"不存在：请先添加上级组织，或检查名称是否正确。`,
        { name: parentName },
      );
    }
    return outcome.organisation;
  }
}
