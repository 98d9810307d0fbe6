import { type OrganisationRecord } from '@rectify/persistence';
import { ApplicationError } from '../errors/application-error';

/**
 * The refusal to add something new to a disabled (已停用) organisation; `what` names the refused
 * action (添加人员、新建整改事项、导入报告 …). ORGANISATION_DISABLED (409).
 */
export function organisationDisabled(
  org: Pick<OrganisationRecord, 'id' | 'name'>,
  what: string,
): ApplicationError {
  return new ApplicationError(
    'ORGANISATION_DISABLED',
    `组织"${org.name}"已停用，不能${what}：如仍需使用，请先在组织管理中启用该组织。`,
    { id: org.id, name: org.name },
  );
}

/**
 * Refuses to add anything new (people, items, an imported report) to a disabled organisation.
 * @throws ApplicationError ORGANISATION_DISABLED (409), see organisationDisabled
 */
export function requireActiveOrganisation(
  org: Pick<OrganisationRecord, 'id' | 'name' | 'disabled'>,
  what: string,
): void {
  if (org.disabled) throw organisationDisabled(org, what);
}
