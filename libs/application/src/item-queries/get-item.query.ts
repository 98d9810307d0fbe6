import { allowedEvents, type RectificationEventType, type RectificationStatus } from '@rectify/workflow';
import { type DataSource } from 'typeorm';
import { ApplicationError } from '../errors/application-error';
import { loadItemWithActor } from '../transition-item/load-item-with-actor';
import { withPreparedSql } from '../transition-item/prepared-sql';
import { scopeCondition, viewerScope } from './viewer-scope';
import { isUuid } from '../common/is-uuid';

export interface ItemDetail {
  id: string;
  organisationId: string;
  organisationName: string;
  reportId: string;
  seq: number;
  title: string;
  detail: string;
  source: string;
  /** 责任领导, for the ledger. */
  responsibleLeader: string | null;
  status: RectificationStatus;
  deadline: string | null;
  reviewIntervalDays: number | null;
  pendingExtension: unknown;
  version: number;
  measures: { seq: number; title: string; responsible: string | null; deadline: string | null }[];
  /** Who uploaded it (null: the system); the uploader or an administrator may delete a file. */
  evidence: {
    id: string;
    text: string;
    fileName: string | null;
    createdBy: string | null;
    createdAt: string;
  }[];
  history: {
    seq: number;
    event: string;
    actorId: string;
    /** Who it was, by name; null for the system or a removed account. */
    actorName: string | null;
    actorRole: string;
    fromStatus: string | null;
    toStatus: string;
    payload: unknown;
    at: string;
  }[];
  /** Problems of other years of the same organisation this one resembles (反复出现). */
  recurrence: {
    /** Earlier problems this one repeats. */
    repeats: RecurrenceEntry[];
    /** Later problems that repeat this one. */
    repeatedBy: RecurrenceEntry[];
  };
}

export interface RecurrenceEntry {
  itemId: string;
  year: number | null;
  title: string;
  status: RectificationStatus;
  score: number;
}

const NOT_FOUND = (itemId: string) =>
  new ApplicationError('ITEM_NOT_FOUND', '整改事项不存在，或不在您的管理范围内：请检查编号。', { itemId });

/** Throws ITEM_NOT_FOUND when the item does not exist or the user may not see it. */
export async function assertItemVisible(db: DataSource, userId: string, itemId: string): Promise<void> {
  if (!isUuid(itemId)) throw NOT_FOUND(itemId);
  const scope = await viewerScope(db, userId);
  const cond = scopeCondition(scope, 2);
  const rows: unknown[] = await db.query(
    `SELECT 1 FROM rectification_item i JOIN organisation o ON o.id = i.organisation_id WHERE i.id = $1 AND ${cond.sql}`,
    [itemId, ...cond.params],
  );
  if (rows.length === 0) throw NOT_FOUND(itemId);
}

export async function getItem(db: DataSource, userId: string, itemId: string): Promise<ItemDetail> {
  await assertItemVisible(db, userId, itemId);
  const [item] = await db.query(
    `SELECT i.id, i.organisation_id AS "organisationId", o.name AS "organisationName", i.report_id AS "reportId", i.seq, i.title,
            i.detail, i.source, i.status, to_char(i.deadline, 'YYYY-MM-DD') AS deadline,
            i.review_interval_days AS "reviewIntervalDays", i.pending_extension AS "pendingExtension", i.version,
            i.responsible_leader AS "responsibleLeader"
       FROM rectification_item i JOIN organisation o ON o.id = i.organisation_id WHERE i.id = $1`,
    [itemId],
  );
  const measures = await db.query(
    `SELECT seq, title, responsible, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM measure WHERE item_id = $1 ORDER BY seq`,
    [itemId],
  );
  const evidence = await db.query(
    // Withdrawn files stay in the table for the record; their withdrawal is in the history.
    `SELECT id, text, file_name AS "fileName", created_by AS "createdBy", created_at AS "createdAt"
       FROM evidence WHERE item_id = $1 AND deleted_at IS NULL ORDER BY created_at`,
    [itemId],
  );
  const history = await db.query(
    `SELECT h.seq, h.event, h.actor_id AS "actorId", u.display_name AS "actorName", h.actor_role AS "actorRole",
            h.from_status AS "fromStatus", h.to_status AS "toStatus", h.payload, h.at
       FROM item_history h LEFT JOIN app_user u ON u.id::text = h.actor_id
      WHERE h.item_id = $1 ORDER BY h.seq`,
    [itemId],
  );
  const recurrence: (RecurrenceEntry & { direction: 'repeats' | 'repeatedBy' })[] = await db.query(
    `SELECT CASE WHEN ir.item_id = $1 THEN 'repeats' ELSE 'repeatedBy' END AS direction,
            o.id AS "itemId", r.year, o.title, o.status, ir.score::float8 AS score
       FROM item_recurrence ir
       JOIN rectification_item o ON o.id = CASE WHEN ir.item_id = $1 THEN ir.earlier_item_id ELSE ir.item_id END
       JOIN report r ON r.id = o.report_id
      WHERE ir.item_id = $1 OR ir.earlier_item_id = $1
      ORDER BY ir.score DESC, o.id`,
    [itemId],
  );
  const entries = (direction: 'repeats' | 'repeatedBy') =>
    recurrence.filter((r) => r.direction === direction).map(({ direction: _, ...r }) => r);
  return {
    ...item,
    measures,
    evidence,
    history,
    recurrence: { repeats: entries('repeats'), repeatedBy: entries('repeatedBy') },
  };
}

/** The events the user may send to the item now, from the machine itself. */
export async function eventsAllowedNow(
  db: DataSource,
  userId: string,
  itemId: string,
): Promise<RectificationEventType[]> {
  await assertItemVisible(db, userId, itemId);
  return withPreparedSql(db, async (sql) => {
    const { item, actor } = await loadItemWithActor(sql, itemId, userId);
    return allowedEvents(
      {
        status: item.status,
        context: {
          deadline: item.deadline,
          reviewIntervalDays: item.reviewIntervalDays,
          pendingExtension: item.pendingExtension as never,
        },
      },
      actor,
    );
  });
}
