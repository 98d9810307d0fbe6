import { type LastYearRectificationEntry, type Reconciliation, type RecurringProblem } from '@rectify/domain';
import { type TrackedItemsRepository } from '@rectify/persistence';
import { reconcileWork } from '../import-report/report-work-pool';
import { ApplicationError } from '../errors/application-error';
import { assertYear, type ClosingLoopTarget } from './closing-loop-target';

export interface ReconcileResult {
  organisation: { id: string; name: string };
  reportYear: number;
  problemYear: number;
  reconciliation: Reconciliation;
  warnings: string[];
}

/**
 * A report's 上年度整改情况 `entries` and recurring problems against the organisation's tracked
 * items of the year before `reportYear`, matched in a worker thread; warns when either side is
 * empty. The recurring problems may still be loading: the tracked items are read meanwhile.
 */
export async function reconcileWith(
  trackedItems: TrackedItemsRepository,
  target: ClosingLoopTarget,
  reportYear: number,
  entries: readonly LastYearRectificationEntry[],
  recurring: RecurringProblem[] | Promise<RecurringProblem[]>,
): Promise<ReconcileResult> {
  const problemYear = reportYear - 1;
  const [tracked, recurringProblems] = await Promise.all([
    trackedItems.problemsOfYear(target.scope, target.organisation.id, problemYear),
    recurring,
  ]);
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
    reconciliation: await reconcileWork({ problemYear, entries, tracked, recurring: recurringProblems }),
    warnings,
  };
}

/** The report's year, refused with INVALID_ARGUMENT (and `hint`) when unknown or malformed. */
export function requireYear(year: number | null, hint: string): number {
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

export const YEAR_HINT_FOR_FILE = '请指定报告年度（命令行 --year，接口 year 字段）。';
export const YEAR_HINT_FOR_STORED = '该报告导入时未识别出年度：请管理员指定年度后重新导入。';
