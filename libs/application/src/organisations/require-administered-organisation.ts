import { type OrganisationRecord, type OrganisationsRepository } from '@rectify/persistence';
import { mayOnOrganisation, type ReadScope } from '@rectify/workflow';
import { isUuid } from '../common/is-uuid';
import { ApplicationError } from '../errors/application-error';
import { type OrganisationIdOrName, requireOrganisationRef } from '../users/require-organisation-ref';

/**
 * The organisation `ref` names, if whoever administers (`scope`, from requireAdministrator) may
 * administer it (mayOnOrganisation ADMINISTER on its path). One outside their subtree is reported
 * exactly like one that does not exist (404), as the other scoped reads do.
 * @throws ApplicationError ORGANISATION_NOT_FOUND
 */
export async function requireAdministeredOrganisation(
  organisations: OrganisationsRepository,
  scope: ReadScope,
  ref: OrganisationIdOrName,
): Promise<OrganisationRecord> {
  // A malformed id (the API's path parameter) is simply not found, never a database error.
  const org = 'id' in ref && !isUuid(ref.id) ? null : await requireOrganisationRef(organisations, scope, ref);
  if (!org || !mayOnOrganisation(scope === 'operator' ? null : scope, 'ADMINISTER', org.path)) {
    throw new ApplicationError('ORGANISATION_NOT_FOUND', '组织不存在，或不在您的管理范围内：请重新选择。', {
      ...ref,
    });
  }
  return org;
}
