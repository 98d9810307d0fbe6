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
    return (
      [...(this.byOrganisation.get(organisationId) ?? [])]
        // Code-point order, as PostgreSQL's C collation: the same on every machine.
        .sort((a, b) => compare(a.displayName, b.displayName) || compare(a.id, b.id))
        .slice(0, limit)
    );
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
