import { type DataSource } from 'typeorm';
import { type ItemTallyRepository, type TallyCompaction } from './item-tally.repository';

/** ItemTallyRepository on PostgreSQL (or PGlite). */
export class PgItemTallyRepository implements ItemTallyRepository {
  constructor(private readonly db: DataSource) {}

  async compact(since: string): Promise<TallyCompaction> {
    const [row]: { folded: number; seen: string | null }[] = await this.db.query(
      `WITH recent AS (
         SELECT DISTINCT organisation_id, status, year FROM item_tally WHERE id > $1::bigint),
       -- A key with one row is folded already.
       split AS (
         SELECT t.organisation_id, t.status, t.year FROM item_tally t
           JOIN recent r ON t.organisation_id = r.organisation_id AND t.status = r.status AND t.year = r.year
          GROUP BY 1, 2, 3 HAVING count(*) > 1),
       gone AS (
         DELETE FROM item_tally t USING split r
          WHERE t.organisation_id = r.organisation_id AND t.status = r.status AND t.year = r.year
         RETURNING t.id, t.organisation_id, t.status, t.year, t.n),
       kept AS (
         INSERT INTO item_tally (organisation_id, status, year, n)
         SELECT organisation_id, status, year, sum(n) FROM gone GROUP BY 1, 2, 3 HAVING sum(n) <> 0
         RETURNING id)
       SELECT (SELECT count(*) FROM gone)::int AS folded,
              greatest((SELECT max(id) FROM item_tally WHERE id > $1::bigint), (SELECT max(id) FROM kept))::text AS seen`,
      [since],
    );
    return { folded: row.folded, seenUpTo: row.seen ?? since };
  }
}
