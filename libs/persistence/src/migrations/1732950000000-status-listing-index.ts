import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * `rectification_item_status_listing_idx` (status, created_at, seq DESC, id DESC) INCLUDE
 * (organisation_path, organisation_id, year) over the items not withdrawn: a status's items
 * newest first, for the items page of one status (statusPageIds in pg-item-queries.repository.ts
 * reads the status's newest 2,000 and filters them by scope, organisation and year, all carried
 * here, so the walk is index-only). A 县 holds about 5 % of a province's items, so its page of 50
 * is found within about a thousand entries whatever the status. Before, such a page read the
 * 县's whole range of that status from `rectification_item_status_path_idx` and sorted it for the
 * newest 50 (5,000 to 15,000 entries, 15 ms at bench:api's province). Where the walk finds too
 * few (a small subtree, or one with few items in that status), the page is sorted as before.
 * Ascending for the reason of `rectification_item_listing_idx` (new items land on the rightmost
 * page, which PostgreSQL splits full).
 */
export class StatusListingIndex1732950000000 implements MigrationInterface {
  name = 'StatusListingIndex1732950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX rectification_item_status_listing_idx ON rectification_item (status, created_at, seq DESC, id DESC)
         INCLUDE (organisation_path, organisation_id, year) WHERE withdrawn_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS rectification_item_status_listing_idx`);
  }
}
