import { type ReminderSubject, shanghaiDate } from '@rectify/domain';
import { type EntityManager } from 'typeorm';

interface SubjectRow {
  id: string;
  status: string;
  deadline: string | null;
  review_interval_days: number | null;
  updated_at: Date;
}

const SELECT_SUBJECT = `
  SELECT id, status, to_char(deadline, 'YYYY-MM-DD') AS deadline, review_interval_days, updated_at
    FROM rectification_item`;

const toSubject = (r: SubjectRow): ReminderSubject => ({
  itemId: r.id,
  status: r.status,
  deadline: r.deadline,
  reviewIntervalDays: r.review_interval_days,
  lastChangedOn: shanghaiDate(new Date(r.updated_at)),
});

/** What the reminder schedule needs of these items, keyed by id. */
export async function loadReminderSubjects(
  db: Pick<EntityManager, 'query'>,
  itemIds: string[],
): Promise<Map<string, ReminderSubject>> {
  if (itemIds.length === 0) return new Map();
  const rows: SubjectRow[] = await db.query(`${SELECT_SUBJECT} WHERE id = ANY($1::uuid[])`, [itemIds]);
  return new Map(rows.map((r) => [r.id, toSubject(r)]));
}

/** Every item that can have reminders: with measures and a deadline, or long-term. */
export async function loadOpenReminderSubjects(db: Pick<EntityManager, 'query'>): Promise<ReminderSubject[]> {
  const rows: SubjectRow[] = await db.query(
    `${SELECT_SUBJECT} WHERE (status = 'measures_set' AND deadline IS NOT NULL)
                          OR (status = 'long_term' AND review_interval_days IS NOT NULL)`,
  );
  return rows.map(toSubject);
}
