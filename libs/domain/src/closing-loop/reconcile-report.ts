import {
  RECTIFICATION_STATUS_LABELS,
  type RectificationStatus,
  stageOf,
  type StatusStage,
} from '../lifecycle';
import { type LastYearRectificationEntry, type RectificationProgress } from '../report/extraction-result';
import { quoted } from './chinese-text';
import { problemName } from './compose-last-year-section';
import { type RecurringProblem } from './find-recurring-problems';
import { matchOneToOne } from './match-problems';
import { fingerprintProblem, fingerprintSimilarity } from './similarity/problem-similarity';
import { type TrackedItem } from './tracked-item';

/**
 * Checks a new report's 上年度整改情况 against the items tracked for the year before: which
 * entries name which items, where the report's claim and the tracked status disagree, which
 * tracked items the report leaves out, and which claims match no tracked item.
 */
export const RECONCILE_THRESHOLD = 0.3;

export const CLAIM_LABELS: Record<RectificationProgress, string> = {
  completed: '已整改完成',
  long_term: '长期坚持整改',
  in_progress: '正在整改',
  unknown: '未写明整改状态',
};

export type Agreement =
  | 'agrees'
  /** The report claims more than the record shows (e.g. 已整改完成 before sign-off). */
  | 'overstated'
  /** The report claims less than the record shows (e.g. 正在整改 after sign-off). */
  | 'understated'
  /** The report does not say how far the item got. */
  | 'unstated';

export interface MatchedClaim {
  itemId: string;
  itemTitle: string;
  trackedStatus: RectificationStatus;
  claimedProblem: string;
  claim: RectificationProgress;
  claimText: string;
  score: number;
  agreement: Agreement;
}

export type FindingKind = 'claim_disagrees' | 'item_omitted' | 'claim_unmatched' | 'problem_recurs';

export interface ReconciliationFinding {
  kind: FindingKind;
  itemId: string | null;
  /** What is wrong and what to do about it, in Chinese. */
  message: string;
}

/**
 * Why no claim of the report could be compared with the tracking (在核对之前就无从核对): no items
 * tracked for the year, no 上年度整改情况 in the report, no entry naming a tracked item, or the
 * entries naming items without saying how far they got.
 */
export type UncheckedReason = 'no_tracked_items' | 'no_entries' | 'none_matched' | 'progress_unstated';

export interface Reconciliation {
  problemYear: number;
  trackedItems: number;
  entries: number;
  /**
   * The claims actually compared with a tracked item's status: matched entries that say how far
   * the item got. Only when this is above 0 may the report be called consistent with the tracking.
   */
  checkedClaims: number;
  /** Why nothing could be compared (checkedClaims is 0); null when something was. */
  unchecked: UncheckedReason | null;
  matched: MatchedClaim[];
  omitted: { itemId: string; title: string; status: RectificationStatus }[];
  unmatchedClaims: { problem: string; claim: RectificationProgress; text: string }[];
  recurring: RecurringProblem[];
  findings: ReconciliationFinding[];
}

export interface ReconcileInput {
  problemYear: number;
  entries: readonly LastYearRectificationEntry[];
  /** The items of `problemYear` that the report's section should account for. */
  tracked: readonly Pick<TrackedItem, 'id' | 'title' | 'status'>[];
  /** The report's own problems that resemble earlier ones (see findRecurringProblems). */
  recurring?: readonly RecurringProblem[];
  threshold?: number;
}

export function reconcileReport(input: ReconcileInput): Reconciliation {
  const entryPrints = input.entries.map((e) => fingerprintProblem(claimedProblem(e)));
  const itemPrints = input.tracked.map((i) => fingerprintProblem(i.title));
  const matches = matchOneToOne(
    input.entries.length,
    input.tracked.length,
    (e, i) => fingerprintSimilarity(entryPrints[e], itemPrints[i]),
    input.threshold ?? RECONCILE_THRESHOLD,
  );
  const matched: MatchedClaim[] = matches.map(({ left, right, score }) => {
    const entry = input.entries[left];
    const item = input.tracked[right];
    return {
      itemId: item.id,
      itemTitle: item.title,
      trackedStatus: item.status,
      claimedProblem: claimedProblem(entry),
      claim: entry.status,
      claimText: entry.text,
      score,
      agreement: compareClaim(entry.status, item.status),
    };
  });
  const matchedEntries = new Set(matches.map((m) => m.left));
  const matchedItems = new Set(matches.map((m) => m.right));
  const omitted = input.tracked
    .filter((_, i) => !matchedItems.has(i))
    .map((i) => ({ itemId: i.id, title: i.title, status: i.status }));
  const unmatchedClaims = input.entries
    .filter((_, i) => !matchedEntries.has(i))
    .map((e) => ({ problem: claimedProblem(e), claim: e.status, text: e.text }));
  const recurring = [...(input.recurring ?? [])];
  const checkedClaims = matched.filter((m) => m.agreement !== 'unstated').length;
  return {
    problemYear: input.problemYear,
    trackedItems: input.tracked.length,
    entries: input.entries.length,
    checkedClaims,
    unchecked:
      checkedClaims > 0 ? null : uncheckedReason(input.tracked.length, input.entries.length, matched.length),
    matched,
    omitted,
    unmatchedClaims,
    recurring,
    findings: findings(input.problemYear, matched, omitted, unmatchedClaims, recurring),
  };
}

/** Why nothing was compared, the most basic reason first (see UncheckedReason). */
function uncheckedReason(tracked: number, entries: number, matched: number): UncheckedReason {
  if (tracked === 0) return 'no_tracked_items';
  if (entries === 0) return 'no_entries';
  return matched === 0 ? 'none_matched' : 'progress_unstated';
}

/**
 * The problem an entry names, without the wrapping reports put around it: 关于“…”的问题,
 * …的问题, …问题已整改完成. Falls back to the entry's text when the parser found no name.
 */
export function claimedProblem(entry: LastYearRectificationEntry): string {
  let name = entry.problem.trim() !== '' ? entry.problem.trim() : entry.text.trim();
  const quoted = /^(?:关于|针对|对于)[“"]([^”"]{2,80})[”"]/.exec(name);
  if (quoted) return quoted[1];
  name = name.replace(/^(?:关于|针对|对于)/, '');
  const cut =
    /(?:的)?问题(?:已|需|仍|正|尚|未|基本|持续|长期|得到).*$/.exec(name) ?? /(?:的)?问题$/.exec(name);
  if (cut && cut.index >= 4) name = name.slice(0, cut.index);
  return name;
}

export function compareClaim(claim: RectificationProgress, status: RectificationStatus): Agreement {
  if (claim === 'unknown') return 'unstated';
  const claimed = CLAIM_RANK[claim];
  const tracked = STAGE_RANK[stageOf(status)];
  if (claim === 'in_progress' && stageOf(status) === 'long_term') return 'agrees';
  if (claimed === tracked) return 'agrees';
  return claimed > tracked ? 'overstated' : 'understated';
}

/** How far an item got: open < long-term < completed. */
const CLAIM_RANK: Record<Exclude<RectificationProgress, 'unknown'>, number> = {
  in_progress: 0,
  long_term: 1,
  completed: 2,
};
const STAGE_RANK: Record<StatusStage, number> = { open: 0, long_term: 1, completed: 2 };

function findings(
  problemYear: number,
  matched: readonly MatchedClaim[],
  omitted: Reconciliation['omitted'],
  unmatchedClaims: Reconciliation['unmatchedClaims'],
  recurring: readonly RecurringProblem[],
): ReconciliationFinding[] {
  const out: ReconciliationFinding[] = [];
  for (const m of matched) {
    if (m.agreement !== 'overstated' && m.agreement !== 'understated') continue;
    const truth = RECTIFICATION_STATUS_LABELS[m.trackedStatus];
    const fix =
      m.agreement === 'overstated'
        ? m.claim === 'completed'
          ? '该事项尚未审核销号：请先提交销号申请并经审核，或如实写明整改进度。'
          : '该事项未经同意转为长期坚持整改：请如实写明整改进度。'
        : '请按跟踪记录更新报告中的整改状态。';
    out.push({
      kind: 'claim_disagrees',
      itemId: m.itemId,
      message: `报告称${quoted(problemName(m.itemTitle))}问题${CLAIM_LABELS[m.claim]}，但跟踪记录为"${truth}"。${fix}`,
    });
  }
  for (const o of omitted) {
    out.push({
      kind: 'item_omitted',
      itemId: o.itemId,
      message: `报告的上年度整改情况未提及${problemYear}年度查摆的${quoted(problemName(o.title))}问题（当前：${RECTIFICATION_STATUS_LABELS[o.status]}）：请补充该问题的整改情况。`,
    });
  }
  for (const c of unmatchedClaims) {
    out.push({
      kind: 'claim_unmatched',
      itemId: null,
      message: `报告提到的${quoted(problemName(c.problem))}问题（${CLAIM_LABELS[c.claim]}）与${problemYear}年度跟踪的整改事项均不对应：请核对问题表述，或确认该问题是否已录入。`,
    });
  }
  for (const r of recurring) {
    const first = r.earlier[0];
    out.push({
      kind: 'problem_recurs',
      itemId: r.itemId,
      message: `本年度查摆的${quoted(problemName(r.title))}问题与${first.year ?? '往'}年度的${quoted(problemName(first.title))}问题相似，属反复出现（原事项：${RECTIFICATION_STATUS_LABELS[first.status]}）：请考虑重新整改原事项，或将本问题列为重点整改。`,
    });
  }
  return out;
}
