import { ChineseWorkingDayCalendar, type ItemLight, itemLight, OPEN_STATUSES } from '@rectify/domain';
import { type RectificationStatus } from '@rectify/workflow';
import { type DataSource } from 'typeorm';
import { ApplicationError } from '../errors/application-error';
import { scopeCondition, viewerScope } from './viewer-scope';

export interface SearchItemsFilter {
  /** Limit to this organisation and those below it (within what the user may see). */
  organisationId?: string;
  status?: RectificationStatus;
  overdue?: boolean;
  /** Only problems that repeat an earlier year's problem (反复出现), or only those that do not. */
  recurring?: boolean;
  source?: string;
  year?: number;
  /** Words to find in title or detail. */
  text?: string;
  page: number;
  pageSize: number;
  /** "Today" for the overdue filter (ISO date); the caller's clock. */
  today: string;
}

export interface ItemListEntry {
  id: string;
  organisationId: string;
  organisationName: string;
  reportYear: number | null;
  seq: number;
  title: string;
  status: RectificationStatus;
  source: string;
  deadline: string | null;
  overdue: boolean;
  /** Repeats an earlier year's problem of the same organisation. */
  recurring: boolean;
  /** 亮灯 today: red/yellow/green for open items with a deadline. */
  light: ItemLight;
  /** Working days until the deadline (0 on the day), for open items not yet overdue. */
  workdaysLeft: number | null;
  /** Working days past the deadline, for overdue items. */
  workdaysOverdue: number | null;
  version: number;
}

export interface ItemPage {
  items: ItemListEntry[];
  total: number;
  page: number;
  pageSize: number;
}

const calendar = new ChineseWorkingDayCalendar();

/** The light and the working days left or overdue, counted on the Chinese calendar. */
function withLight(
  row: Omit<ItemListEntry, 'light' | 'workdaysLeft' | 'workdaysOverdue'>,
  today: string,
): ItemListEntry {
  const light = itemLight(row, today, calendar);
  const open = light === 'red' || light === 'yellow' || light === 'green';
  return {
    ...row,
    light,
    workdaysLeft:
      open && row.deadline && row.deadline >= today ? calendar.workdaysBetween(today, row.deadline) : null,
    workdaysOverdue:
      open && row.deadline && row.deadline < today ? calendar.workdaysBetween(row.deadline, today) : null,
  };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Items the user may see, filtered and paginated; every value is a bound parameter. */
export async function searchItems(
  db: DataSource,
  userId: string,
  filter: SearchItemsFilter,
): Promise<ItemPage> {
  const scope = await viewerScope(db, userId);
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    where.push(sql(params.length));
  };
  const scoped = scopeCondition(scope, 1);
  params.push(...scoped.params);
  where.push(scoped.sql);
  if (filter.organisationId) {
    const rows: { path: string }[] = await db.query(`SELECT path FROM organisation WHERE id = $1`, [
      filter.organisationId,
    ]);
    if (!rows[0]) throw new ApplicationError('ORGANISATION_NOT_FOUND', '组织不存在：请检查 organisationId。');
    add((n) => `o.path LIKE $${n}`, `${rows[0].path}%`);
  }
  if (filter.status) add((n) => `i.status = $${n}`, filter.status);
  if (filter.source) add((n) => `i.source = $${n}`, filter.source);
  if (filter.year !== undefined) add((n) => `r.year = $${n}`, filter.year);
  if (filter.overdue !== undefined) {
    add(
      (n) =>
        `(${filter.overdue ? '' : 'NOT '}COALESCE(i.deadline < $${n}::date AND i.status = ANY($${n + 1}::text[]), FALSE))`,
      filter.today,
    );
    params.push(OPEN_STATUSES);
  }
  if (filter.recurring !== undefined) {
    where.push(
      `${filter.recurring ? '' : 'NOT '}EXISTS (SELECT 1 FROM item_recurrence ir WHERE ir.item_id = i.id)`,
    );
  }
  if (filter.text)
    add((n) => `(i.title ILIKE $${n} OR i.detail ILIKE $${n})`, `%${escapeLike(filter.text)}%`);

  const from = `FROM rectification_item i JOIN organisation o ON o.id = i.organisation_id JOIN report r ON r.id = i.report_id
    WHERE ${where.join(' AND ')}`;
  const [{ total }] = await db.query(`SELECT count(*)::int AS total ${from}`, params);
  params.push(filter.today, OPEN_STATUSES, filter.pageSize, (filter.page - 1) * filter.pageSize);
  const n = params.length;
  const rows: Omit<ItemListEntry, 'light' | 'workdaysLeft' | 'workdaysOverdue'>[] = await db.query(
    `SELECT i.id, i.organisation_id AS "organisationId", o.name AS "organisationName", r.year AS "reportYear", i.seq,
            i.title, i.status, i.source, to_char(i.deadline, 'YYYY-MM-DD') AS deadline,
            COALESCE(i.deadline < $${n - 3}::date AND i.status = ANY($${n - 2}::text[]), FALSE) AS overdue,
            EXISTS (SELECT 1 FROM item_recurrence ir WHERE ir.item_id = i.id) AS recurring, i.version
       ${from}
      ORDER BY i.created_at DESC, i.seq ASC
      LIMIT $${n - 1} OFFSET $${n}`,
    params,
  );
  return {
    items: rows.map((row) => withLight(row, filter.today)),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}
