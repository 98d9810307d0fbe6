import { type ReminderKind } from '@rectify/domain';
import { type DataSource } from 'typeorm';
import { ITEM_PLACE_COLUMNS, type ItemPlaceRow, toItemPlace } from '../notification-ledger/item-place-sql';
import { preparedQuery } from '../sql/prepared-sql';
import { type RobotTierBacklogRepository, type TierBacklogSlice } from './robot-tier-backlog.repository';

/** RobotTierBacklogRepository on PostgreSQL (or PGlite). */
export class PgRobotTierBacklogRepository implements RobotTierBacklogRepository {
  constructor(private readonly db: DataSource) {}

  async pendingTiers(limit: number): Promise<TierBacklogSlice> {
    // The place's columns are null where the item was withdrawn or removed since.
    const rows: (ItemPlaceRow & {
      backlog_id: string;
      tier_item_id: string;
      kind: ReminderKind;
      due_date: string;
    })[] = await preparedQuery(
      this.db,
      'rectify.pending_tiers',
      `SELECT b.id::text AS backlog_id, t.item_id AS tier_item_id, t.kind,
              to_char(t.due_date, 'YYYY-MM-DD') AS due_date, ${ITEM_PLACE_COLUMNS}
         FROM (SELECT * FROM robot_tier_backlog ORDER BY id LIMIT $1) b
         CROSS JOIN LATERAL unnest(b.item_ids, b.kinds, b.due_dates) AS t(item_id, kind, due_date)
         LEFT JOIN rectification_item i ON i.id = t.item_id AND i.withdrawn_at IS NULL
         LEFT JOIN organisation o ON o.id = i.organisation_id
         LEFT JOIN organisation p ON p.id = o.parent_id`,
      [limit],
    );
    return {
      ids: [...new Set(rows.map((r) => r.backlog_id))],
      tiers: rows.map((r) => ({
        itemId: r.tier_item_id,
        kind: r.kind,
        dueDate: r.due_date,
        place: r.item_id === null ? null : toItemPlace(r),
      })),
    };
  }

  async dropPendingTiers(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(`DELETE FROM robot_tier_backlog WHERE id = ANY($1::bigint[])`, [ids]);
  }

  async hasPendingTiers(): Promise<boolean> {
    const [row]: { pending: boolean }[] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM robot_tier_backlog) AS pending`,
    );
    return row.pending;
  }
}
