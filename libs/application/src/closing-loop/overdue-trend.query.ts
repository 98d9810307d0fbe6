import { OPEN_STATUSES, shanghaiDate } from '@rectify/domain';
import { type DataSource } from 'typeorm';
import { ApplicationError } from '../errors/application-error';
import { scopeCondition } from '../item-queries/viewer-scope';
import { asOfDay, type OrganisationRef, resolveTarget } from './closing-loop-target';

export const OVERDUE_TREND_DEFAULT_MONTHS = 12;
export const OVERDUE_TREND_MAX_MONTHS = 36;

export interface OverdueTrendRequest extends OrganisationRef {
  /** How many months, ending with the month of `asOf`: 1 to 36, 12 unless given. */
  months?: number;
  /** Today in Shanghai (YYYY-MM-DD) unless given. */
  asOf?: string;
}

export interface OverdueTrend {
  /** Oldest first; `month` is YYYY-MM. */
  months: { month: string; overdue: number }[];
}

/**
 * How many items of an organisation and those below it (as far as the viewer may see) were
 * overdue at the end of each of the last N months, in Shanghai time. The month of `asOf` ends on
 * `asOf` itself, so its bar is "as of today".
 *
 * An item is overdue at the end of day D when it had been created by the end of D, and its
 * latest history line at or before the end of D says that its status then was neither completed
 * nor long_term and its deadline then (`item_history.deadline`, the deadline in force after
 * that line) was before D. Deadline changes are replayed: an item overdue at a month's end stays
 * in that month's figure even if its deadline was extended later.
 *
 * Items with no history line by then (only data entered by hand: an import writes the first
 * line) count as imported: identified, with their current deadline.
 */
export async function overdueTrend(db: DataSource, request: OverdueTrendRequest): Promise<OverdueTrend> {
  const months = request.months ?? OVERDUE_TREND_DEFAULT_MONTHS;
  if (!Number.isInteger(months) || months < 1 || months > OVERDUE_TREND_MAX_MONTHS) {
    throw new ApplicationError(
      'INVALID_ARGUMENT',
      `月数"${months}"无效：请填写1至${OVERDUE_TREND_MAX_MONTHS}之间的整数，如 12。`,
      { months },
    );
  }
  const asOf = asOfDay(request.asOf, () => shanghaiDate(new Date()));
  const target = await resolveTarget(db, request);

  const params: unknown[] = [asOf, months, `${target.organisation.path}%`, OPEN_STATUSES];
  let viewerCondition = 'TRUE';
  if (target.viewer) {
    const cond = scopeCondition(target.viewer, params.length + 1);
    viewerCondition = cond.sql;
    params.push(...cond.params);
  }
  const rows: { month: string; overdue: number }[] = await db.query(
    `WITH month_end AS (
       SELECT to_char(m, 'YYYY-MM') AS month,
              -- The last day of the month, or asOf for the month it falls in.
              LEAST((m + interval '1 month' - interval '1 day')::date, $1::date) AS day
         FROM generate_series(
                date_trunc('month', $1::date::timestamp) - ($2::int - 1) * interval '1 month',
                date_trunc('month', $1::date::timestamp),
                interval '1 month') AS m
     ), bound AS (
       -- The end of that day in Shanghai, as an instant (exclusive).
       SELECT month, day, ((day + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS until FROM month_end
     )
     SELECT b.month, c.overdue
       FROM bound b
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS overdue
           FROM rectification_item i
           JOIN organisation o ON o.id = i.organisation_id
           LEFT JOIN LATERAL (
             SELECT h.to_status, h.deadline
               FROM item_history h
              WHERE h.item_id = i.id AND h.at < b.until
              ORDER BY h.at DESC, h.seq DESC
              LIMIT 1
           ) s ON TRUE
          WHERE o.path LIKE $3 AND ${viewerCondition}
            AND (CASE WHEN s.to_status IS NULL THEN i.deadline ELSE s.deadline END) < b.day
            AND i.created_at < b.until
            -- No line yet (only possible for data entered by hand): as imported, identified.
            AND COALESCE(s.to_status, 'identified') = ANY($4::text[])
       ) c
      ORDER BY b.month`,
    params,
  );
  return { months: rows.map((r) => ({ month: r.month, overdue: Number(r.overdue) })) };
}
