import { type LastYearRectificationEntry, type Reconciliation, type RecurringProblem } from '@rectify/domain';
import { type RectificationStatus } from '@rectify/workflow';
import { type DataSource } from 'typeorm';
import { isUuid } from '../common/is-uuid';
import { ApplicationError } from '../errors/application-error';
import {
  readReportOffThread,
  reconcileOffThread,
  scoreRecurrenceOffThread,
} from '../import-report/report-work-pool';
import {
  assertYear,
  type ClosingLoopTarget,
  type OrganisationRef,
  resolveTarget,
} from './closing-loop-target';
import { loadEarlierProblems } from './detect-recurrence';

export interface ReconcileResult {
  organisation: { id: string; name: string };
  reportYear: number;
  problemYear: number;
  reconciliation: Reconciliation;
  warnings: string[];
}

export interface ReconcileFileRequest extends OrganisationRef {
  bytes: Uint8Array;
  fileName: string;
  /** Overrides the year the parser finds. */
  year?: number;
}

/**
 * Checks a report file that is not imported (yet) against the tracked items: its 上年度整改情况
 * against last year's items, its problems against earlier years' problems. Stores nothing.
 * Reading, scoring and matching run in worker threads, within the import's limits (IMPORT_LIMITS).
 */
export async function reconcileReportFile(
  db: DataSource,
  request: ReconcileFileRequest,
): Promise<ReconcileResult> {
  const { extraction } = await readReportOffThread(request.bytes, request.fileName, { clean: false });
  const target = await resolveTarget(db, request);
  const reportYear = requireYear(request.year ?? extraction.year, YEAR_HINT_FOR_FILE);
  const { earlier, warnings } = await loadEarlierProblems(db, target.organisation.id, reportYear);
  const { recurring } = await scoreRecurrenceOffThread({
    problems: extraction.problems.map((p) => ({ itemId: null, seq: p.seq, title: p.title })),
    year: reportYear,
    earlier,
    later: [],
  });
  const result = await reconcileWith(db, target, reportYear, extraction.lastYearRectification, recurring);
  return { ...result, warnings: [...result.warnings, ...warnings] };
}

/** Checks an imported report; its recurring problems are the links made at import. */
export async function reconcileStoredReport(
  db: DataSource,
  request: { reportId: string; viewerUserId?: string },
): Promise<ReconcileResult> {
  const notFound = () =>
    new ApplicationError('REPORT_NOT_FOUND', '报告不存在，或不在您的管理范围内：请检查编号。', {
      reportId: request.reportId,
    });
  if (!isUuid(request.reportId)) throw notFound();
  const rows: {
    organisationId: string;
    year: number | null;
    entries: LastYearRectificationEntry[] | null;
  }[] = await db.query(
    `SELECT organisation_id AS "organisationId", year, extraction -> 'lastYearRectification' AS entries
         FROM report WHERE id = $1`,
    [request.reportId],
  );
  if (!rows[0]) throw notFound();
  let target: ClosingLoopTarget;
  try {
    target = await resolveTarget(db, {
      organisationId: rows[0].organisationId,
      viewerUserId: request.viewerUserId,
    });
  } catch (err) {
    if (err instanceof ApplicationError && err.code === 'ORGANISATION_NOT_FOUND') throw notFound();
    throw err;
  }
  const reportYear = requireYear(rows[0].year, YEAR_HINT_FOR_STORED);
  return reconcileWith(
    db,
    target,
    reportYear,
    rows[0].entries ?? [],
    await storedRecurrence(db, request.reportId),
  );
}

async function storedRecurrence(db: DataSource, reportId: string): Promise<RecurringProblem[]> {
  const rows: {
    itemId: string;
    seq: number;
    title: string;
    earlierId: string;
    earlierTitle: string;
    earlierStatus: RectificationStatus;
    earlierYear: number | null;
    score: string;
  }[] = await db.query(
    `SELECT i.id AS "itemId", i.seq, i.title, e.id AS "earlierId", e.title AS "earlierTitle",
            e.status AS "earlierStatus", er.year AS "earlierYear", ir.score
       FROM rectification_item i
       JOIN item_recurrence ir ON ir.item_id = i.id
       JOIN rectification_item e ON e.id = ir.earlier_item_id
       JOIN report er ON er.id = e.report_id
      WHERE i.report_id = $1
      ORDER BY i.seq, ir.score DESC, er.year DESC, e.id`,
    [reportId],
  );
  const byItem = new Map<string, RecurringProblem>();
  for (const r of rows) {
    const problem = byItem.get(r.itemId) ?? {
      itemId: r.itemId,
      seq: Number(r.seq),
      title: r.title,
      earlier: [],
    };
    problem.earlier.push({
      itemId: r.earlierId,
      year: r.earlierYear === null ? null : Number(r.earlierYear),
      title: r.earlierTitle,
      status: r.earlierStatus,
      score: Number(r.score),
    });
    byItem.set(r.itemId, problem);
  }
  return [...byItem.values()];
}

async function reconcileWith(
  db: DataSource,
  target: ClosingLoopTarget,
  reportYear: number,
  entries: readonly LastYearRectificationEntry[],
  recurring: RecurringProblem[],
): Promise<ReconcileResult> {
  const problemYear = reportYear - 1;
  // Matching needs only names and statuses, so this stays one query however long the history.
  const tracked: { id: string; title: string; status: RectificationStatus }[] = await db.query(
    `SELECT i.id, i.title, i.status FROM rectification_item i JOIN report r ON r.id = i.report_id
      WHERE i.organisation_id = $1 AND r.year = $2 ORDER BY r.imported_at, i.seq`,
    [target.organisation.id, problemYear],
  );
  const warnings: string[] = [];
  if (tracked.length === 0) {
    warnings.push(
      `${target.organisation.name}没有${problemYear}年度的整改事项，无法核对上年度整改情况：如有${problemYear}年度的报告，请先导入。`,
    );
  }
  if (entries.length === 0) {
    warnings.push('报告中未找到上年度整改情况（如"针对……问题"的段落）：请确认报告是否写了上年度整改情况。');
  }
  return {
    organisation: { id: target.organisation.id, name: target.organisation.name },
    reportYear,
    problemYear,
    reconciliation: await reconcileOffThread({ problemYear, entries, tracked, recurring }),
    warnings,
  };
}

function requireYear(year: number | null, hint: string): number {
  if (year === null) {
    throw new ApplicationError(
      'INVALID_ARGUMENT',
      `报告年度未知，无法确定应核对哪一年的整改事项：${hint}`,
      {},
    );
  }
  assertYear(year, '报告年度');
  return year;
}

const YEAR_HINT_FOR_FILE = '请指定报告年度（命令行 --year，接口 year 字段）。';
const YEAR_HINT_FOR_STORED = '该报告导入时未识别出年度：请管理员指定年度后重新导入。';
