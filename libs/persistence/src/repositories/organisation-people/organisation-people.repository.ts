import { type PositionKind } from '@rectify/domain';

/** One of an organisation's people, as offered when picking a measure's 责任人. */
export interface OrganisationPersonRecord {
  id: string;
  displayName: string;
  /** Their positions (职务) in this organisation, in POSITION_KINDS order; empty for none. */
  positions: PositionKind[];
}

/**
 * An organisation's people: the active accounts whose home organisation it is or who hold a
 * position in it. The caller checks that the viewer may read the organisation.
 */
export interface OrganisationPeopleRepository {
  /**
   * At most `limit` people of organisation `organisationId` (a uuid), active only, ordered by
   * display name then id.
   */
  list(organisationId: string, limit: number): Promise<OrganisationPersonRecord[]>;
}
