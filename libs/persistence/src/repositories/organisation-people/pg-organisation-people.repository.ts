import { POSITION_KINDS, type PositionKind } from '@rectify/domain';
import { type DataSource } from 'typeorm';
import { activeMemberOf } from '../sql/organisation-member';
import {
  type OrganisationPeopleRepository,
  type OrganisationPersonRecord,
} from './organisation-people.repository';

const LIST_PEOPLE = `
  SELECT u.id, u.display_name AS "displayName",
         COALESCE(array_agg(p.kind ORDER BY array_position($3::text[], p.kind))
                    FILTER (WHERE p.kind IS NOT NULL), '{}') AS positions
    FROM app_user u
    LEFT JOIN position p ON p.user_id = u.id AND p.organisation_id = $1
   WHERE ${activeMemberOf('u', '$1::uuid')}
   GROUP BY u.id, u.display_name
   ORDER BY u.display_name, u.id
   LIMIT $2`;

/** OrganisationPeopleRepository on PostgreSQL (or PGlite): one query. */
export class PgOrganisationPeopleRepository implements OrganisationPeopleRepository {
  constructor(private readonly db: DataSource) {}

  async list(organisationId: string, limit: number): Promise<OrganisationPersonRecord[]> {
    const rows: { id: string; displayName: string; positions: PositionKind[] }[] = await this.db.query(
      LIST_PEOPLE,
      [organisationId, limit, POSITION_KINDS],
    );
    return rows.map((r) => ({ id: r.id, displayName: r.displayName, positions: [...r.positions] }));
  }
}
