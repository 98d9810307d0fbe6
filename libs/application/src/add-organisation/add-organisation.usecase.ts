import { cleanText } from '@rectify/domain';
import {
  type OrganisationKind,
  type OrganisationRecord,
  type OrganisationsRepository,
  type ViewersRepository,
} from '@rectify/persistence';
import { ApplicationError } from '../errors/application-error';
import { type AdministeredBy, requireAdministrator } from '../organisations/administering';
import { isRootPath, mayOnOrganisation } from '@rectify/workflow';
import { organisationDisabled } from '../organisations/require-active-organisation';
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
 * An administrator adds only inside the subtree they administer (a root only as a root
 * organisation's administrator); a disabled parent takes no new organisation.
 * Errors (ApplicationError): USER_NOT_FOUND, ADMIN_ONLY, INVALID_ARGUMENT (empty name, or a root
 * by anyone but a root organisation's administrator), ORGANISATION_EXISTS (409),
 * ORGANISATION_NOT_FOUND (no such parent, or outside their subtree), ORGANISATION_DISABLED (409).
 */
export class AddOrganisationUseCase {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly viewers: ViewersRepository,
  ) {}

  async execute(command: AddOrganisationCommand): Promise<OrganisationRecord> {
    const scope = await requireAdministrator(this.viewers, command.by, '添加党组织');
    const name = cleanText(command.name).trim();
    // An administrator adds inside the subtree they administer: below an organisation of it, or
    // a root only as a root organisation's administrator. The parent is looked up in their scope
    // and reported as unknown (by the id or name given) when outside it.
    let parentName: string | null = null;
    let parent: OrganisationRecord | null = null;
    if (command.parent && ('id' in command.parent || command.parent.name.trim() !== '')) {
      const label = 'id' in command.parent ? command.parent.id : cleanText(command.parent.name).trim();
      parent =
        'id' in command.parent
          ? await this.organisations.findById(scope, label)
          : await this.organisations.findByName(scope, label);
      if (!parent || !mayOnOrganisation(scope === 'operator' ? null : scope, 'ADMINISTER', parent.path)) {
        throw parentNotFound(label);
      }
      parentName = parent.name;
    } else if (scope !== 'operator' && !scope.positions.some((p) => isRootPath(p.organisationPath))) {
      throw new ApplicationError('INVALID_ARGUMENT', '请选择上级组织：只有根组织的管理员可以添加顶层组织。');
    }
    if (!name) throw new ApplicationError('INVALID_ARGUMENT', '组织名称不能为空。');
    const outcome = await this.organisations.add({
      name,
      kind: command.kind ?? kindFromName(name),
      parentName,
    });
    if (outcome.kind === 'name_taken') {
      throw new ApplicationError('ORGANISATION_EXISTS', `组织"${name}"已存在，无需重复添加。`, { name });
    }
    if (outcome.kind === 'parent_not_found') throw parentNotFound(parentName as string);
    if (outcome.kind === 'parent_disabled')
      throw organisationDisabled(parent as OrganisationRecord, '在其下添加组织');
    return outcome.organisation;
  }
}

const parentNotFound = (label: string) =>
  new ApplicationError(
    'ORGANISATION_NOT_FOUND',
    `上级组织"${label}"不存在：请先添加上级组织，或检查名称是否正确。`,
    { name: label },
  );
