import { type Recipient, type ReminderSubject, shanghaiDate } from '@rectify/domain';
import { type DataSource } from 'typeorm';
import { preparedQuery } from '../sql/prepared-sql';
import {
  type DueItem,
  type RecipientsByRole,
  type ReminderSubjectsRepository,
  type SystemScope,
} from './reminder-subjects.repository';

interface SubjectRow {
  id: string;
  status: string;
  deadline: string | null;
  review_interval_days: number | null;
  reviewed_at: Date;
}

interface RecipientRow {
  item_id: string;
  role: Recipient;
  user_id: string;
}

// A long-term item's reviews count from its last review or its approval as long-term, read
// from the history; never from updated_at, which any edit (责任领导, 问题来源, a note) moves.
// Without such a line (data entered by hand) the last change stands in.
const SUBJECT_COLUMNS = `i.id, i.status, to_char(i.deadline, 'YYYY-MM-DD') AS deadline, i.review_interval_days,
         COALESCE(r.at, i.updated_at) AS reviewed_at`;
const LAST_REVIEW = `LEFT JOIN LATERAL (
      SELECT h.at FROM item_history h
       WHERE h.item_id = i.id AND i.status = 'long_term'
         AND h.event IN ('APPROVE_LONG_TERM', 'RECORD_LONG_TERM_REVIEW')
       ORDER BY h.seq DESC
       LIMIT 1
    ) r ON TRUE`;
const SELECT_SUBJECT = `SELECT ${SUBJECT_COLUMNS} FROM rectification_item i ${LAST_REVIEW}`;

interface DueItemRow extends SubjectRow {
  /** 'role user-id' pairs joined by commas; null when nobody fills the roles asked for. */
  recipients: string | null;
}

const toSubject = (r: SubjectRow): ReminderSubject => ({
  itemId: r.id,
  status: r.status,
  deadline: r.deadline,
  reviewIntervalDays: r.review_interval_days,
  lastReviewedOn: shanghaiDate(new Date(r.reviewed_at)),
});

const ALL_RECIPIENTS: readonly Recipient[] = [
  'owner',
  'responsible',
  'secretary',
  'parent_supervisors',
  'grandparent_supervisors',
];

// The enabled people holding a position of that kind in one organisation, found through the
// position's organisation index: a join on the whole position table would grow with the province.
const PEOPLE_OF = (organisationId: string, kind: 'works_items' | 'supervises') =>
  `SELECT DISTINCT p.user_id FROM position p JOIN app_user u ON u.id = p.user_id AND NOT u.disabled
    WHERE p.organisation_id = ${organisationId} AND p.${kind}`;

// One SELECT of (item_id, role, user_id) per role asked for, over the CTE `items`: a year-end
// storm of 黄灯 reminders asks for owners and 责任人 only, and reading every item's secretaries
// and supervisors as well tripled its rows.
function recipientBranches(roles: ReadonlySet<Recipient>): string[] {
  const branches: string[] = [];
  // The people picked as 责任人 of the items' measures, each once per item, while their account
  // is active (a 责任人 who left is not written to; the owner and the secretaries still are).
  if (roles.has('responsible')) {
    branches.push(`SELECT DISTINCT items.id AS item_id, 'responsible' AS role, m.responsible_user_id AS user_id
         FROM items
         JOIN measure m ON m.item_id = items.id
         JOIN app_user ru ON ru.id = m.responsible_user_id AND NOT ru.disabled`);
  }
  if (roles.has('owner')) {
    branches.push(`SELECT items.id AS item_id, 'owner' AS role, items.owner_id AS user_id
         FROM items WHERE items.owner_id IS NOT NULL`);
  }
  // The organisation's secretaries: as themselves, and as the owner of an item nobody owns.
  const asRoles = (['secretary', 'owner'] as const).filter((r) => roles.has(r));
  if (asRoles.length > 0) {
    branches.push(`SELECT items.id AS item_id, r.role, people.user_id
         FROM items
         CROSS JOIN LATERAL (${PEOPLE_OF('items.organisation_id', 'works_items')}) AS people
         CROSS JOIN (VALUES ${asRoles.map((r) => `('${r}')`).join(', ')}) AS r(role)
        WHERE r.role = 'secretary' OR items.owner_id IS NULL`);
  }
  if (roles.has('parent_supervisors')) {
    branches.push(`SELECT items.id AS item_id, 'parent_supervisors' AS role, people.user_id
         FROM items CROSS JOIN LATERAL (${PEOPLE_OF('items.parent_id', 'supervises')}) AS people`);
  }
  if (roles.has('grandparent_supervisors')) {
    branches.push(`SELECT items.id AS item_id, 'grandparent_supervisors' AS role, people.user_id
         FROM items CROSS JOIN LATERAL (${PEOPLE_OF('items.grandparent_id', 'supervises')}) AS people`);
  }
  return branches;
}

// One statement text per set of roles (the recipients' branches differ), each prepared under a
// short name of its own: PostgreSQL cuts statement names at 63 bytes.
const dueItemsStatements = new Map<string, { name: string; text: string }>();

/** The named statement `dueItems` runs for these roles: the items and their recipients. */
function dueItemsStatement(roles: readonly Recipient[]): { name: string; text: string } {
  const key = [...new Set(roles)].sort().join(' ');
  let statement = dueItemsStatements.get(key);
  if (statement) return statement;
  const branches = recipientBranches(new Set(roles));
  // Recipients as one 'role user_id,role user_id' text: the driver's text[] parser cost the
  // worker more than splitting a string does.
  const text = `WITH items AS MATERIALIZED (
         SELECT ${SUBJECT_COLUMNS}, i.organisation_id, o.parent_id, p.parent_id AS grandparent_id, i.owner_id
           FROM rectification_item i
           JOIN organisation o ON o.id = i.organisation_id
           LEFT JOIN organisation p ON p.id = o.parent_id
           ${LAST_REVIEW}
          WHERE i.id = ANY($1::uuid[]) AND i.withdrawn_at IS NULL),
       recipients AS (
         ${branches.length > 0 ? branches.join('\n         UNION ALL\n         ') : 'SELECT NULL::uuid AS item_id, NULL::text AS role, NULL::uuid AS user_id WHERE false'})
       SELECT items.id, items.status, items.deadline, items.review_interval_days, items.reviewed_at,
              rc.recipients
         FROM items
         LEFT JOIN (SELECT item_id, string_agg(role || ' ' || user_id, ',') AS recipients FROM recipients GROUP BY item_id) rc
                ON rc.item_id = items.id`;
  statement = { name: `rectify.due_items_${dueItemsStatements.size}`, text };
  dueItemsStatements.set(key, statement);
  return statement;
}

/** ReminderSubjectsRepository on PostgreSQL (or PGlite): one query per call. */
export class PgReminderSubjectsRepository implements ReminderSubjectsRepository {
  constructor(private readonly db: DataSource) {}

  async subjects(_scope: SystemScope, itemIds: string[]): Promise<Map<string, ReminderSubject>> {
    if (itemIds.length === 0) return new Map();
    const rows: SubjectRow[] = await preparedQuery(
      this.db,
      'rectify.reminder_subjects',
      `${SELECT_SUBJECT} WHERE i.id = ANY($1::uuid[]) AND i.withdrawn_at IS NULL`,
      [itemIds],
    );
    return new Map(rows.map((r) => [r.id, toSubject(r)]));
  }

  async openSubjects(_scope: SystemScope): Promise<ReminderSubject[]> {
    const rows: SubjectRow[] = await this.db.query(
      `${SELECT_SUBJECT} WHERE i.withdrawn_at IS NULL
                          AND ((i.status = 'measures_set' AND i.deadline IS NOT NULL)
                            OR (i.status = 'long_term' AND i.review_interval_days IS NOT NULL))`,
    );
    return rows.map(toSubject);
  }

  async recipients(
    _scope: SystemScope,
    itemIds: string[],
    roles: readonly Recipient[] = ALL_RECIPIENTS,
  ): Promise<Map<string, RecipientsByRole>> {
    if (itemIds.length === 0 || roles.length === 0) return new Map();
    const rows: RecipientRow[] = await this.db.query(
      `WITH items AS (
         SELECT i.id, i.organisation_id, i.owner_id, o.parent_id, p.parent_id AS grandparent_id
           FROM rectification_item i
           JOIN organisation o ON o.id = i.organisation_id
           LEFT JOIN organisation p ON p.id = o.parent_id
          WHERE i.id = ANY($1::uuid[]))
       ${recipientBranches(new Set(roles)).join('\n       UNION ALL\n       ')}`,
      [itemIds],
    );
    const byItem = new Map<string, RecipientsByRole>();
    for (const row of rows) {
      const roles = byItem.get(row.item_id) ?? new Map<Recipient, string[]>();
      byItem.set(row.item_id, roles);
      roles.set(row.role, [...(roles.get(row.role) ?? []), row.user_id]);
    }
    return byItem;
  }

  async dueItems(
    _scope: SystemScope,
    itemIds: string[],
    roles: readonly Recipient[],
  ): Promise<Map<string, DueItem>> {
    if (itemIds.length === 0) return new Map();
    const { name, text } = dueItemsStatement(roles);
    const rows: DueItemRow[] = await preparedQuery(this.db, name, text, [itemIds]);
    return new Map(
      rows.map((r) => {
        const recipients: RecipientsByRole = new Map();
        for (const pair of r.recipients?.split(',') ?? []) {
          const [role, userId] = pair.split(' ') as [Recipient, string];
          const users = recipients.get(role);
          if (users) users.push(userId);
          else recipients.set(role, [userId]);
        }
        return [r.id, { subject: toSubject(r), recipients }];
      }),
    );
  }

  async responsibleMeasures(
    _scope: SystemScope,
    userId: string,
    itemIds: string[],
  ): Promise<Map<string, string[]>> {
    if (itemIds.length === 0) return new Map();
    const rows: { item_id: string; titles: string[] }[] = await preparedQuery(
      this.db,
      'rectify.responsible_measures',
      `SELECT item_id, array_agg(title ORDER BY seq) AS titles
         FROM measure
        WHERE responsible_user_id = $1 AND item_id = ANY($2::uuid[])
        GROUP BY item_id`,
      [userId, itemIds],
    );
    return new Map(rows.map((r) => [r.item_id, [...r.titles]]));
  }
}
