import { type OrganisationPeopleRepository, type OrganisationPersonRecord } from '@rectify/persistence';

/**
 * OrganisationPeopleRepository in memory, for unit tests: the people given per organisation id
 * (only the active ones, as the SQL keeps), listed by display name then id.
 */
export class InMemoryOrganisationPeopleRepository implements OrganisationPeopleRepository {
  private readonly byOrganisation = new Map<string, OrganisationPersonRecord[]>();

  add(organisationId: string, person: OrganisationPersonRecord): void {
    this.byOrganisation.set(organisationId, [...(this.byOrganisation.get(organisationId) ?? []), person]);
  }

  async list(organisationId: string, limit: number): Promise<OrganisationPersonRecord[]> {
    return [...(this.byOrganisation.get(organisationId) ?? [])]
      .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id))
      .slice(0, limit);
  }
}
