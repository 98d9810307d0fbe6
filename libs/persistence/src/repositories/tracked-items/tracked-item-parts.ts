import { type RecurrenceLink, type TrackedItem } from '@rectify/domain';
import { type RectificationStatus } from '@rectify/workflow';
import { type DataSource } from 'typeorm';

/** One item's own columns; the rest of a TrackedItem comes from the other queries. */
interface ItemRow extends Omit<
  TrackedItem,
  | 'reportImportedAt'
  | 'measures'
  | 'evidence'
  | 'completionEvidence'
  | 'completedOn'
  | 'latestProgress'
  | 'recurrence'
> {
  reportImportedAt: Date;
}

interface HistoryLine {
  itemId: string;
  event: string;
  seq: number;
  payload: Record<string, unknown>;
  on: string;
}

/** When the item's report was imported (the item's creation without one), to the millisecond. */
export const REPORT_IMPORTED_AT_SQL = `date_trunc('milliseconds', COALESCE(r.imported_at, i.created_at))`;

/**
 * The tracked items whose item row (alias i), report (r, absent for an item created by hand) and
 * organisation (o) satisfy `where`
 * with `params`, with what the section, summary and ledger need to put them into words:
 * measures, evidence, the last completion request, the sign-off day, the latest progress the
 * branch reported (its notes and long-term reviews) and the earlier problems each one repeats.
 * Five queries, however many items. `page` adds a join (after the others) and an ORDER BY …
 * LIMIT, whose order the items keep; without it they are unordered.
 */
export async function loadTrackedItemParts(
  db: DataSource,
  where: string,
  params: unknown[],
  page?: { join: string; orderAndLimit: string },
): Promise<TrackedItem[]> {
  // Milliseconds, as a JavaScript date holds them, so a page's keyset compares what callers see.
  const rows: ItemRow[] = await db.query(
    `SELECT i.id, i.organisation_id AS "organisationId", o.name AS "organisationName", i.year AS "reportYear",
            i.report_id AS "reportId", ${REPORT_IMPORTED_AT_SQL} AS "reportImportedAt", i.seq, i.title, i.detail, i.source, i.status,
            to_char(i.deadline, 'YYYY-MM-DD') AS deadline, i.responsible_leader AS "responsibleLeader",
            u.display_name AS "ownerName"
       FROM rectification_item i
       LEFT JOIN report r ON r.id = i.report_id
       JOIN organisation o ON o.id = i.organisation_id
       LEFT JOIN app_user u ON u.id = i.owner_id
       ${page?.join ?? ''}
      WHERE ${where}
      ${page?.orderAndLimit ?? ''}`,
    params,
  );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [measures, evidence, history, recurrence] = await Promise.all([
    db.query(
      `SELECT item_id AS "itemId", title, responsible, to_char(deadline, 'YYYY-MM-DD') AS deadline
         FROM measure WHERE item_id = ANY($1) ORDER BY item_id, seq`,
      [ids],
    ) as Promise<{ itemId: string; title: string; responsible: string | null; deadline: string | null }[]>,
    db.query(
      `SELECT item_id AS "itemId", text, file_name AS "fileName" FROM evidence WHERE item_id = ANY($1) AND deleted_at IS NULL ORDER BY created_at, id`,
      [ids],
    ) as Promise<{ itemId: string; text: string; fileName: string | null }[]>,
    // The latest line of each kind that the outputs quote.
    db.query(
      `SELECT DISTINCT ON (item_id, event) item_id AS "itemId", event, seq, payload,
              to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "on"
         FROM item_history
        WHERE item_id = ANY($1)
          AND event IN ('SUBMIT_COMPLETION', 'APPROVE_COMPLETION', 'ADD_PROGRESS_NOTE', 'RECORD_LONG_TERM_REVIEW')
          -- A supervisor's note is an instruction, not the branch's progress.
          AND NOT (event = 'ADD_PROGRESS_NOTE' AND actor_role = 'supervisor')
        ORDER BY item_id, event, seq DESC`,
      [ids],
    ) as Promise<HistoryLine[]>,
    db.query(
      `SELECT ir.item_id AS "itemId", ir.earlier_item_id AS "earlierId", ir.score, e.title, e.status, e.year
         FROM item_recurrence ir
         JOIN rectification_item e ON e.id = ir.earlier_item_id
        -- An earlier problem withdrawn as a mistake (撤销) is not repeated.
        WHERE ir.item_id = ANY($1) AND e.withdrawn_at IS NULL
        ORDER BY ir.item_id, ir.score DESC, e.year DESC, e.id`,
      [ids],
    ) as Promise<
      {
        itemId: string;
        earlierId: string;
        score: number;
        title: string;
        status: RectificationStatus;
        year: number | null;
      }[]
    >,
  ]);
  const measuresOf = byItem(measures);
  const evidenceOf = byItem(evidence);
  const historyOf = byItem(history);
  const recurrenceOf = byItem(recurrence);
  return rows.map((row) => {
    const lines = historyOf.get(row.id) ?? [];
    const line = (event: string) => lines.find((l) => l.event === event);
    const submitted = line('SUBMIT_COMPLETION');
    const approved = line('APPROVE_COMPLETION');
    const progress = lines
      .filter((l) => l.event === 'ADD_PROGRESS_NOTE' || l.event === 'RECORD_LONG_TERM_REVIEW')
      .sort((a, b) => b.seq - a.seq)[0];
    const progressNote = progress ? text(progress.payload.note) : null;
    return {
      id: row.id,
      organisationId: row.organisationId,
      organisationName: row.organisationName,
      reportYear: row.reportYear === null ? null : Number(row.reportYear),
      reportId: row.reportId,
      reportImportedAt: new Date(row.reportImportedAt).toISOString(),
      seq: Number(row.seq),
      title: row.title,
      detail: row.detail,
      source: row.source,
      status: row.status,
      deadline: row.deadline,
      responsibleLeader: row.responsibleLeader,
      ownerName: row.ownerName,
      measures: (measuresOf.get(row.id) ?? []).map(({ title, responsible, deadline }) => ({
        title,
        responsible,
        deadline,
      })),
      evidence: (evidenceOf.get(row.id) ?? []).map(({ text: t, fileName }) => ({ text: t, fileName })),
      completionEvidence: submitted ? text(submitted.payload.evidence) : null,
      completedOn: row.status === 'completed' && approved ? approved.on : null,
      latestProgress: progress && progressNote ? { note: progressNote, on: progress.on } : null,
      recurrence: (recurrenceOf.get(row.id) ?? []).map((r): RecurrenceLink => ({
        itemId: r.earlierId,
        year: r.year === null ? null : Number(r.year),
        title: r.title,
        status: r.status,
        score: Number(r.score),
      })),
    };
  });
}

function byItem<T extends { itemId: string }>(xs: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(x.itemId, [...(m.get(x.itemId) ?? []), x]);
  return m;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
