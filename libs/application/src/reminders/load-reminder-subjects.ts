import { type ReminderSubject, shanghaiDate } from '@rectify/domain';
import { type EntityManager } from 'typeorm';

interface SubjectRow {
  id: string;
  status: string;
  deadline: string | null;
  review_interval_days: number | null;
  reviewed_at: Date;
}

// A long-term item's reviews count from its last review or its approval as long-term, read
// from the history; never from updated_at, which any edit (责任领导, 问题来源, a note) moves.
// Without such a line (data entered by hand) the last change stands in.
const SELECT_SUBJECT = `
  SELECT i.id, i.status, to_char(i.deadline, 'YYYY-MM-DD') AS deadline, i.review_interval_days,
         COALESCE(r.at, i.updated_at) AS reviewed_at
    FROM rectification_item i
    LEFT JOIN LATERAL (
      SELECT h.at FROM item_history h
       WHERE h.item_id = i.id AND i.status = 'long_term'
         AND h.event IN ('APPROVE_LONG_TERM', 'RECORD_LONG_TERM_REVIEW')
       ORDER BY h.seq DESC
       LIMIT 1
    ) r ON TRUE`;

const toSubject = (r: SubjectRow): ReminderSubject => ({
  itemId: r.id,
  status: r.status,
  deadline: r.deadline,
  reviewIntervalDays: r.review_interval_days,
  lastReviewedOn: shanghaiDate(new Date(r.reviewed_at)),
});

/** What the reminder schedule needs of these items, keyed by id. */
export async function loadReminderSubjects(
  db: Pick<EntityManager, 'query'>,
  itemIds: string[],
): Promise<Map<string, ReminderSubject>> {
  if (itemIds.length === 0) return new Map();
  const rows: SubjectRow[] = await db.query(`${SELECT_SUBJECT} WHERE i.id = ANY($1::uuid[])`, [itemIds]);
  return new Map(rows.map((r) => [r.id, toSubject(r)]));
}

/** Every item that can have reminders: with measures and a deadline, or long-term. */
export async function loadOpenReminderSubjects(db: Pick<EntityManager, 'query'>): Promise<ReminderSubject[]> {
  const rows: SubjectRow[] = await db.query(
    `${SELECT_SUBJECT} WHERE (i.status = 'measures_set' AND i.deadline IS NOT NULL)
                          OR (i.status = 'long_term' AND i.review_interval_days IS NOT NULL)`,
  );
  return rows.map(toSubject);
}
