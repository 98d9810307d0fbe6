import { type OrganisationRecord, type OrganisationsRepository } from '@rectify/persistence';
import { type ReadScope } from '@rectify/workflow';
import { ApplicationError } from '../errors/application-error';

/**
 * The organisation named `name` (surrounding spaces ignored) within `scope`.
 * @throws ApplicationError ORGANISATION_NOT_FOUND, telling the operator how to add it
 */
export async function requireOrganisationNamed(
  organisations: OrganisationsRepository,
  scope: ReadScope,
  name: string,
): Promise<OrganisationRecord> {
  const org = await organisations.findByName(scope, name.trim());
  if (!org) {
    throw new ApplicationError(
      'ORGANISATION_NOT_FOUND',
      `组织"${name}"不存在：请检查名称，或先用 "rectify orgs add" 添加该组织。`,
      { name },
    );
  }
  return org;
}
