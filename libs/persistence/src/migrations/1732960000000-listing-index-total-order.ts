import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * `rectification_item_listing_idx` rebuilt as (created_at, seq DESC, id DESC) INCLUDE (status,
 * organisation_path, organisation_id, year) over the items not withdrawn: every item newest
 * first in the page's own total order, carrying every column a page's scope, organisation,
 * status, stage and year filters read. The items page without a status (walkedPageIds in
 * repositories/item-queries/page-walk.ts) walks at most its newest 2,000 entries index-only, as
 * the page of one status walks `rectification_item_status_listing_idx`. Before, the planner
 * walked this index (then (created_at, seq DESC) INCLUDE (status, organisation_path, id)) to its
 * end for a 镇 or a 村, whose 50 newest items it expected within a few thousand entries: 345 ms
 * a page at bench:api's province of 1,000,000 items (bench/README.md, stop 43). Ascending for
 * the reason given in 1732900000000-item-tally.ts.
 */
export class ListingIndexTotalOrder1732960000000 implements MigrationInterface {
  name = 'ListingIndexTotalOrder1732960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS rectification_item_listing_idx`);
    await q.query(
      `CREATE INDEX rectification_item_listing_idx ON rectification_item (created_at, seq DESC, id DESC)
         INCLUDE (status, organisation_path, organisation_id, year) WHERE withdrawn_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS rectification_item_listing_idx`);
    await q.query(
      `CREATE INDEX rectification_item_listing_idx ON rectification_item (created_at, seq DESC)
         INCLUDE (status, organisation_path, id) WHERE withdrawn_at IS NULL`,
    );
  }
}
