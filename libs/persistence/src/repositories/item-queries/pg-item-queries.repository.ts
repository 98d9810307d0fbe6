import { OPEN_STATUSES, RECTIFICATION_STATUSES, statusesInStage } from '@rectify/domain';
import { type ReadScope, type RectificationStatus } from '@rectify/workflow';
import { type DataSource } from 'typeorm';
import { itemScopeCondition, scopeCondition } from '../scope/scope-condition';
import { actorAccountId } from '../sql/actor-account';
import { lastStatusChangeJoins } from '../sql/last-status-change';
import { preparedQuery } from '../sql/prepared-sql';
import { LISTED, PAGE_WALK_ROWS, walkedPageIds } from './page-walk';
import { tallyPlan, type TallyPlan } from './tally-plan';
import {
  type ItemAccessRecord,
  type ItemDetailRecord,
  type ItemQueriesRepository,
  type ItemSearchCriteria,
  type ItemSearchOutcome,
  type ItemSearchRow,
  type ItemSummary,
  type RecurrenceEntry,
} from './item-queries.repository';

/** findDetail's one row: the item's columns and its parts as JSON arrays. */
type StoredDetailRow = Omit<ItemDetailRecord, 'withdrawn' | 'recurrence'> & {
  withdrawnAt: Date | string | null;
  withdrawnBy: string | null;
  /** Set whenever withdrawnAt is (a check constraint). */
  withdrawReason: string;
  recurrence: (RecurrenceEntry & { direction: 'repeats' | 'repeatedBy' })[];
};

type StoredSearchRow = Omit<ItemSearchRow, 'returned'> & {
  returnReason: string | null;
  returnedBy: string | null;
  returnedAt: Date | string | null;
};

/**
 * Whether the subtree counts (事项计数) can answer the criteria's count: they hold the items not
 * withdrawn of whole subtrees by status and year, nothing else.
 */
const tallied = (c: ItemSearchCriteria): boolean =>
  c.subtree !== false &&
  c.source === undefined &&
  c.overdue === undefined &&
  c.recurring === undefined &&
  !c.text &&
  (c.withdrawn ?? 'exclude') === 'exclude';

/** The statuses the criteria ask for (status and stage both narrow), or null for any. */
function searchedStatuses(c: ItemSearchCriteria): readonly string[] | null {
  const stage = c.stage ? statusesInStage(c.stage) : null;
  if (!c.status) return stage;
  return stage === null || stage.includes(c.status) ? [c.status] : [];
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The detail statement for one form of the scope condition (scopeCondition's SQL: TRUE, FALSE,
 * ids, paths, or both): $1 the item id, $2 the scope's values when it has any.
 */
const detailSql = (scopeSql: string) =>
  `SELECT i.id, i.organisation_id AS "organisationId", o.name AS "organisationName", o.path AS "organisationPath",
              i.report_id AS "reportId", i.year AS "reportYear", i.created_by AS "createdBy", i.seq, i.title, i.detail, i.source, i.status,
              to_char(i.deadline, 'YYYY-MM-DD') AS deadline, i.review_interval_days AS "reviewIntervalDays",
              i.pending_extension AS "pendingExtension", i.version, i.responsible_leader AS "responsibleLeader",
              i.withdrawn_at AS "withdrawnAt", wu.display_name AS "withdrawnBy", i.withdraw_reason AS "withdrawReason",
              (SELECT COALESCE(json_agg(json_build_object('seq', m.seq, 'title', m.title, 'responsible', m.responsible,
                        'responsibleUserId', m.responsible_user_id, 'deadline', to_char(m.deadline, 'YYYY-MM-DD'))
                        ORDER BY m.seq), '[]')
                 FROM measure m WHERE m.item_id = i.id) AS measures,
              -- Withdrawn files stay in the table for the record; their withdrawal is in the history.
              (SELECT COALESCE(json_agg(json_build_object('id', e.id, 'text', e.text, 'fileName', e.file_name,
                        'createdBy', e.created_by, 'createdAt', e.created_at) ORDER BY e.created_at), '[]')
                 FROM evidence e WHERE e.item_id = i.id AND e.deleted_at IS NULL) AS evidence,
              (SELECT COALESCE(json_agg(json_build_object('seq', h.seq, 'event', h.event, 'actorId', h.actor_id,
                        'actorName', u.display_name, 'actorRole', h.actor_role, 'fromStatus', h.from_status,
                        'toStatus', h.to_status, 'payload', h.payload, 'at', h.at) ORDER BY h.seq), '[]')
                 FROM item_history h LEFT JOIN app_user u ON u.id = ${actorAccountId('h.actor_id')}
                WHERE h.item_id = i.id) AS history,
              (SELECT COALESCE(json_agg(json_build_object(
                        'direction', CASE WHEN ir.item_id = i.id THEN 'repeats' ELSE 'repeatedBy' END,
                        'itemId', other.id, 'year', other.year, 'title', other.title, 'status', other.status,
                        'score', ir.score::float8) ORDER BY ir.score DESC, other.id), '[]')
                 FROM item_recurrence ir
                 JOIN rectification_item other
                   ON other.id = CASE WHEN ir.item_id = i.id THEN ir.earlier_item_id ELSE ir.item_id END
                WHERE ir.item_id = i.id OR ir.earlier_item_id = i.id) AS recurrence
         FROM rectification_item i JOIN organisation o ON o.id = i.organisation_id
         LEFT JOIN app_user wu ON wu.id = i.withdrawn_by
        WHERE i.id = $1 AND ${scopeSql}`;

// One named statement per form of the scope condition: a name must always stand for one text.
const detailStatements = new Map<string, { name: string; text: string }>();
const detailStatement = (scopeSql: string): { name: string; text: string } => {
  let statement = detailStatements.get(scopeSql);
  if (!statement) {
    statement = { name: `rectify.item_detail_${detailStatements.size}`, text: detailSql(scopeSql) };
    detailStatements.set(scopeSql, statement);
  }
  return statement;
};

/** ItemQueriesRepository on PostgreSQL (or PGlite); the scope is a condition inside each query. */
export class PgItemQueriesRepository implements ItemQueriesRepository {
  /** `pageWalkRows`: PAGE_WALK_ROWS unless given (tests; 0 never walks). */
  constructor(
    private readonly db: DataSource,
    private readonly options: { pageWalkRows?: number } = {},
  ) {}

  async search(scope: ReadScope, criteria: ItemSearchCriteria): Promise<ItemSearchOutcome> {
    const params: unknown[] = [];
    const where: string[] = [];
    // For walkedPageIds: the conditions on the columns both listing indexes carry (scope,
    // organisation, stage, year), and how many the walk applies itself (the status, withdrawn_at).
    // Any other condition, including one added later without a mark, makes the walk read each row.
    const onListing: string[] = [];
    let appliedByWalk = 0;
    const add = (sql: (n: number) => string, value: unknown, listed = false) => {
      params.push(value);
      where.push(sql(params.length));
      if (listed) onListing.push(sql(params.length));
    };
    // Every condition is on the item row (its organisation's id and path are copied onto it), so
    // a subtree's items of one status are one range of rectification_item_status_path_idx.
    const scoped = itemScopeCondition(scope, 1);
    params.push(...scoped.params);
    where.push(scoped.sql);
    onListing.push(scoped.sql);
    let path: string | null = null;
    if (criteria.organisationId) {
      path = await this.readablePath(scope, criteria.organisationId);
      if (path === null) return { kind: 'organisation_not_found' };
      if (criteria.subtree === false) add((n) => `i.organisation_id = $${n}`, criteria.organisationId, true);
      else add((n) => `i.organisation_path LIKE $${n}`, `${escapeLike(path)}%`, true);
    }
    if (criteria.status) {
      add((n) => `i.status = $${n}`, criteria.status);
      appliedByWalk++;
    }
    if (criteria.stage) add((n) => `i.status = ANY($${n}::text[])`, statusesInStage(criteria.stage), true);
    if (criteria.source) add((n) => `i.source = $${n}`, criteria.source);
    if (criteria.year !== undefined) add((n) => `i.year = $${n}`, criteria.year, true);
    if (criteria.overdue !== undefined) {
      add(
        (n) =>
          `(${criteria.overdue ? '' : 'NOT '}COALESCE(i.deadline < $${n}::date AND i.status = ANY($${n + 1}::text[]), FALSE))`,
        criteria.today,
      );
      params.push(OPEN_STATUSES);
    }
    if (criteria.recurring !== undefined) {
      where.push(
        `${criteria.recurring ? '' : 'NOT '}EXISTS (SELECT 1 FROM item_recurrence ir WHERE ir.item_id = i.id)`,
      );
    }
    const withdrawn = criteria.withdrawn ?? 'exclude';
    if (withdrawn !== 'include') {
      where.push(`i.withdrawn_at IS ${withdrawn === 'only' ? 'NOT ' : ''}NULL`);
      appliedByWalk++;
    }
    if (criteria.text)
      add((n) => `(i.title ILIKE $${n} OR i.detail ILIKE $${n})`, `%${escapeLike(criteria.text)}%`);

    const from = `FROM rectification_item i WHERE ${where.join(' AND ')}`;
    // The count and the page are read side by side (two pool connections): one wait, not two.
    const plan = tallied(criteria) ? tallyPlan(scope, path) : null;
    const counted: Promise<{ total: number }[]> =
      plan === null
        ? this.db.query(`SELECT count(*)::int AS total ${from}`, [...params])
        : this.countFromTally(plan, path, criteria);
    params.push(
      'RETURN_FOR_REWORK',
      criteria.today,
      OPEN_STATUSES,
      criteria.pageSize,
      (criteria.page - 1) * criteria.pageSize,
    );
    const n = params.length;
    const walkRows = this.options.pageWalkRows ?? PAGE_WALK_ROWS;
    const walked = withdrawn === 'exclude' && criteria.page * criteria.pageSize <= walkRows;
    // Filtered by what the indexes carry the walk reads no item row; other filters read each
    // walked item's row (at most walkRows of them).
    const unlisted = where.length > onListing.length + appliedByWalk;
    const filter = unlisted
      ? { columns: 'i.*', conditions: where }
      : { columns: LISTED, conditions: onListing };
    let pageIds: string;
    if (walked) {
      params.push(walkRows, criteria.page * criteria.pageSize);
      const at = { walkRows: n + 1, need: n + 2 };
      let walk = 'i.withdrawn_at IS NULL';
      let sorted = from;
      if (criteria.status) {
        params.push(criteria.status);
        walk = `i.status = $${n + 3} AND ${walk}`;
      } else if (!criteria.stage) {
        // Every status, so that the sort, if needed, reads the subtree's range of each status
        // from rectification_item_status_path_idx (no index leads with the path alone).
        params.push(RECTIFICATION_STATUSES);
        sorted = `${from} AND i.status = ANY($${n + 3}::text[])`;
      }
      pageIds = walkedPageIds({ walk, sorted }, filter, at, n);
    } else {
      pageIds = `SELECT i.id ${from}
                ORDER BY i.created_at DESC, i.seq ASC, i.id ASC
                LIMIT $${n - 1} OFFSET $${n}`;
    }
    // The order ends with the id: items written by one statement share created_at, and those of
    // two reports may share seq, so without it a row could show on two pages and another on none.
    // The last status change of each row on the page tells whether it stands returned (被退回).
    const paged: Promise<StoredSearchRow[]> = this.db.query(
      `SELECT i.id, i.organisation_id AS "organisationId", o.name AS "organisationName", o.path AS "organisationPath",
              i.year AS "reportYear", i.seq, i.title, i.status, i.source, to_char(i.deadline, 'YYYY-MM-DD') AS deadline,
              COALESCE(i.deadline < $${n - 3}::date AND i.status = ANY($${n - 2}::text[]), FALSE) AS overdue,
              EXISTS (SELECT 1 FROM item_recurrence ir WHERE ir.item_id = i.id) AS recurring, i.version,
              i.review_interval_days AS "reviewIntervalDays", i.pending_extension AS "pendingExtension",
              i.created_by AS "createdBy", i.withdrawn_at IS NOT NULL AS withdrawn,
              CASE WHEN last.event = $${n - 4} THEN last.payload->>'reason' END AS "returnReason",
              CASE WHEN last.event = $${n - 4} THEN last_actor.display_name END AS "returnedBy",
              CASE WHEN last.event = $${n - 4} THEN last.at END AS "returnedAt"
         -- The page is chosen on ids alone (index-only at scale); only its rows are read whole.
         FROM (${pageIds}) page
         JOIN rectification_item i ON i.id = page.id
         JOIN organisation o ON o.id = i.organisation_id
         ${lastStatusChangeJoins('i')}
        ORDER BY i.created_at DESC, i.seq ASC, i.id ASC`,
      params,
    );
    const [[{ total }], stored] = await Promise.all([counted, paged]);
    const rows = stored.map(({ returnReason, returnedBy, returnedAt, ...row }): ItemSearchRow => ({
      ...row,
      returned: returnedAt
        ? { reason: returnReason ?? '', by: returnedBy, at: new Date(returnedAt).toISOString() }
        : null,
    }));
    return { kind: 'page', rows, total };
  }

  /**
   * The count of the items not withdrawn that `plan` reaches (below `under`, a path, unless
   * null) in the criteria's statuses and year: the roots' subtree counts (a few rows, whatever
   * the subtrees' size) plus the own-organisation positions' items outside those roots.
   */
  private countFromTally(
    plan: TallyPlan,
    under: string | null,
    criteria: ItemSearchCriteria,
  ): Promise<{ total: number }[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const statuses = searchedStatuses(criteria);
    const filters = (alias: string) =>
      [
        statuses ? `${alias}.status = ANY(${param(statuses)}::text[])` : 'TRUE',
        criteria.year === undefined ? 'TRUE' : `${alias}.year = ${param(criteria.year)}`,
      ].join(' AND ');
    const roots =
      plan.roots === 'all'
        ? 'SELECT o.id FROM organisation o WHERE o.parent_id IS NULL'
        : `SELECT o.id FROM organisation o WHERE o.path = ANY(${param(plan.roots)}::text[])`;
    let total = `(SELECT coalesce(sum(t.n), 0) FROM item_tally t WHERE t.organisation_id IN (${roots}) AND ${filters('t')})`;
    if (plan.ownOrganisationIds.length > 0 && plan.roots !== 'all') {
      const outside = plan.roots.map((root) => `${escapeLike(root)}%`);
      total += ` + (SELECT count(*) FROM rectification_item i
                     WHERE i.organisation_id = ANY(${param(plan.ownOrganisationIds)}::uuid[])
                       ${under === null ? '' : `AND i.organisation_path LIKE ${param(`${escapeLike(under)}%`)}`}
                       AND NOT (i.organisation_path LIKE ANY(${param(outside)}::text[]))
                       AND i.withdrawn_at IS NULL AND ${filters('i')})`;
    }
    return this.db.query(`SELECT (${total})::int AS total`, params);
  }

  /** The organisation's path when it exists and the scope reads it (the read rule's SQL twin), else null. */
  private async readablePath(scope: ReadScope, organisationId: string): Promise<string | null> {
    const cond = scopeCondition(scope, 2);
    const rows: { path: string }[] = await this.db.query(
      `SELECT o.path FROM organisation o WHERE o.id = $1 AND ${cond.sql}`,
      [organisationId, ...cond.params],
    );
    return rows[0]?.path ?? null;
  }

  async isVisible(scope: ReadScope, itemId: string): Promise<boolean> {
    const cond = scopeCondition(scope, 2);
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM rectification_item i JOIN organisation o ON o.id = i.organisation_id WHERE i.id = $1 AND ${cond.sql}`,
      [itemId, ...cond.params],
    );
    return rows.length > 0;
  }

  async findAccessState(scope: ReadScope, itemId: string): Promise<ItemAccessRecord | null> {
    const cond = scopeCondition(scope, 2);
    const rows: ItemAccessRecord[] = await this.db.query(
      `SELECT i.id, i.status, to_char(i.deadline, 'YYYY-MM-DD') AS deadline,
              i.review_interval_days AS "reviewIntervalDays", i.pending_extension AS "pendingExtension",
              o.path AS "organisationPath", i.withdrawn_at IS NOT NULL AS withdrawn
         FROM rectification_item i JOIN organisation o ON o.id = i.organisation_id
        WHERE i.id = $1 AND ${cond.sql}`,
      [itemId, ...cond.params],
    );
    return rows[0] ?? null;
  }

  async findDetail(scope: ReadScope, itemId: string): Promise<ItemDetailRecord | null> {
    const cond = scopeCondition(scope, 2);
    // One statement (the parts as JSON arrays beside the row): a detail read is the most
    // frequent request, and five round trips cost more than the queries themselves.
    const { name, text } = detailStatement(cond.sql);
    const [item] = await preparedQuery<StoredDetailRow>(this.db, name, text, [itemId, ...cond.params]);
    if (!item) return null;
    const { withdrawnAt, withdrawnBy, withdrawReason, measures, evidence, history, recurrence, ...stored } =
      item;
    const entries = (direction: 'repeats' | 'repeatedBy') =>
      recurrence.filter((r) => r.direction === direction).map(({ direction: _, ...r }) => r);
    return {
      ...stored,
      withdrawn: withdrawnAt
        ? { at: new Date(withdrawnAt).toISOString(), by: withdrawnBy, reason: withdrawReason }
        : null,
      measures,
      // JSON carries instants as text; the driver gave Dates before, and Dates they stay.
      evidence: evidence.map((e) => ({ ...e, createdAt: new Date(e.createdAt) as unknown as string })),
      history: history.map((h) => ({ ...h, at: new Date(h.at) as unknown as string })),
      recurrence: { repeats: entries('repeats'), repeatedBy: entries('repeatedBy') },
    };
  }

  async listUnder(
    scope: ReadScope,
    organisationPath: string,
    status?: RectificationStatus,
  ): Promise<ItemSummary[]> {
    const params: unknown[] = [`${organisationPath}%`];
    if (status) params.push(status);
    const cond = scopeCondition(scope, params.length + 1);
    const rows: ItemSummary[] = await this.db.query(
      `SELECT i.id AS id, o.name AS organisation, i.seq AS seq, i.title AS title, i.status AS status,
              to_char(i.deadline, 'YYYY-MM-DD') AS deadline, i.version AS version
         FROM rectification_item i INNER JOIN organisation o ON o.id = i.organisation_id
        WHERE o.path LIKE $1${status ? ' AND i.status = $2' : ''} AND i.withdrawn_at IS NULL AND ${cond.sql}
        ORDER BY i.created_at DESC, i.seq ASC, i.id ASC`,
      [...params, ...cond.params],
    );
    return rows.map((r) => ({ ...r, seq: Number(r.seq), version: Number(r.version) }));
  }
}
