import { type OrganisationRecord, type OrganisationsRepository } from '@rectify/persistence';
import { type ReadScope } from '@rectify/workflow';
import { ApplicationError } from '../errors/application-error';
import { requireOrganisationNamed } from '../organisations/require-organisation-named';

/** An organisation named by its id (the API) or its name (the CLI). */
export type OrganisationIdOrName = { id: string } | { name: string };

/**
 * The organisation `ref` names, within `scope`.
 * @throws ApplicationError ORGANISATION_NOT_FOUND (unknown or out of scope; for a name, with how to add it)
 */
export async function requireOrganisationRef(
  organisations: OrganisationsRepository,
  scope: ReadScope,
  ref: OrganisationIdOrName,
): Promise<OrganisationRecord> {
  if ('name' in ref) return requireOrganisationNamed(organisations, scope, ref.name);
  const org = await organisations.findById(scope, ref.id);
  if (!org)
    throw new ApplicationError('ORGANISATION_NOT_FOUND', '组织不存在，或不在您的管理范围内：请重新选择。', {
      id: ref.id,
    });
  return org;
}
