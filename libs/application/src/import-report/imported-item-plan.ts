import { type ExtractedProblem, type ItemTracking } from '@rectify/domain';
import { type RectificationStatus } from '@rectify/workflow';

/**
 * Review interval (days) given to an item imported as 长期坚持 (long_term): the machine sets one
 * only through APPROVE_LONG_TERM, and the reminder sweep skips a long-term item without one, so
 * an imported long-term item gets a quarter, the usual 季度 reporting rhythm of a 整改台账. The
 * first review is due that many days after the import (no approval line in its history).
 */
export const IMPORTED_LONG_TERM_REVIEW_DAYS = 90;

/** The longest 责任领导 an item keeps in its own field (as PATCH /items allows); longer stays in the detail. */
const MAX_LEADER_LENGTH = 50;

/** How one extracted problem becomes a stored item, its measures and its IMPORT history line. */
export interface ImportedItemPlan {
  status: RectificationStatus;
  detail: string;
  deadline: string | null;
  responsibleLeader: string | null;
  reviewIntervalDays: number | null;
  /** What every measure of the item gets: 责任人 (else 责任单位) and the row's deadline. */
  measure: { responsible: string | null; deadline: string | null };
  /** The row's own words, for the IMPORT history line. */
  historyPayload: Record<string, unknown>;
}

/**
 * The item a problem becomes. Without tracking (a problem of the report's text) it is
 * 'identified' with nothing set, as before. From a table row (tracking), its status follows the
 * row's progress so that the machine can continue from it:
 * - completed → 'completed' (REOPEN leads back to measures_set);
 * - long_term → 'long_term' with IMPORTED_LONG_TERM_REVIEW_DAYS (reviews, then SUBMIT_COMPLETION);
 * - in_progress, or no status written → 'measures_set' when the row has measures (the plan is
 *   made: reminders count down to its deadline), else 'identified' (SET_MEASURES next).
 * 问题来源, 责任单位, a deadline that is no day (立行立改), and columns the reader does not know
 * (备注 …) are added to the detail as "名称：内容" lines; the item's `source` enum is left as the
 * importer chose it.
 */
export function planImportedItem(problem: ExtractedProblem, measureCount: number): ImportedItemPlan {
  const t = problem.tracking;
  if (!t) {
    return {
      status: 'identified',
      detail: problem.detail,
      deadline: null,
      responsibleLeader: null,
      reviewIntervalDays: null,
      measure: { responsible: null, deadline: null },
      historyPayload: {},
    };
  }
  const status = statusOf(t, measureCount);
  const leader =
    t.responsibleLeader && t.responsibleLeader.length <= MAX_LEADER_LENGTH ? t.responsibleLeader : null;
  return {
    status,
    detail: detailOf(problem.detail, t, leader),
    deadline: t.deadline,
    responsibleLeader: leader,
    reviewIntervalDays: status === 'long_term' ? IMPORTED_LONG_TERM_REVIEW_DAYS : null,
    measure: { responsible: t.owner ?? t.responsibleUnit, deadline: t.deadline },
    historyPayload: {
      progress: t.progress,
      progressText: t.progressText,
      deadlineText: t.deadlineText,
      row: t.row,
      sheet: t.sheet,
      source: t.source,
    },
  };
}

function statusOf(t: ItemTracking, measureCount: number): RectificationStatus {
  if (t.progress === 'completed') return 'completed';
  if (t.progress === 'long_term') return 'long_term';
  return measureCount > 0 ? 'measures_set' : 'identified';
}

function detailOf(detail: string, t: ItemTracking, leaderKept: string | null): string {
  const lines: [string, string | null][] = [
    ['问题来源', t.source],
    ['责任领导', leaderKept === null ? t.responsibleLeader : null],
    ['责任单位', t.owner ? t.responsibleUnit : null],
    ['整改时限', t.deadline === null ? t.deadlineText : null],
    ...Object.entries(t.extra),
  ];
  const added = lines.filter(([, value]) => value).map(([name, value]) => `${name}：${value}`);
  return [detail, ...added].filter(Boolean).join('\n');
}
