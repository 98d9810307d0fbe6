/**
 * The stages of a rectification item (整改事项) and everything the domain says about each: its
 * Chinese name, whether it is still open, whether it carries reminders, and how documents word
 * it. The XState machine in `libs/workflow` moves items between them; parsing, summaries, SQL and
 * the web read the vocabulary from here, so adding a stage starts in this file (and the compiler
 * then asks for its profile).
 */
export const RECTIFICATION_STATUSES = [
  'identified', // 问题已查摆
  'measures_set', // 已制定整改措施
  'pending_review', // 待审核销号
  'completed', // 已整改完成（已销号）
  'long_term', // 长期坚持整改
] as const;

export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

/**
 * How far a status has got, as reports and the 上年度整改情况 section count it: still being
 * rectified (未完成), agreed as long-term (长期坚持), or signed off (已整改完成, 销号).
 */
export const STATUS_STAGES = ['open', 'long_term', 'completed'] as const;

export type StatusStage = (typeof STATUS_STAGES)[number];

/** What the domain says about one status. */
export interface StatusProfile {
  /** Its Chinese name in lists, documents and messages. */
  label: string;
  stage: StatusStage;
  /** True when items in it get reminders (a deadline or a review interval drives them). */
  reminded: boolean;
  /**
   * For open statuses: what is happening now, in the section's "该问题尚未完成，目前…" and in the
   * ledger's 整改进展 cell; null for the settled ones, which documents word from their stage.
   */
  now: { section: string; ledger: string } | null;
}

export const STATUS_PROFILES: Record<RectificationStatus, StatusProfile> = {
  identified: {
    label: '问题已查摆',
    stage: 'open',
    reminded: false,
    now: { section: '尚未制定整改措施', ledger: '整改中' },
  },
  measures_set: {
    label: '已制定整改措施',
    stage: 'open',
    reminded: true,
    now: { section: '正在落实整改措施', ledger: '整改中' },
  },
  pending_review: {
    label: '待审核销号',
    stage: 'open',
    reminded: false,
    now: { section: '已提交销号申请，正在审核', ledger: '已提交销号申请，待审核' },
  },
  completed: { label: '已整改完成', stage: 'completed', reminded: false, now: null },
  long_term: { label: '长期坚持整改', stage: 'long_term', reminded: true, now: null },
};

const statusesWhere = (test: (p: StatusProfile) => boolean): readonly RectificationStatus[] =>
  RECTIFICATION_STATUSES.filter((s) => test(STATUS_PROFILES[s]));

/** Chinese name of each status. */
export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = Object.fromEntries(
  RECTIFICATION_STATUSES.map((s) => [s, STATUS_PROFILES[s].label]),
) as Record<RectificationStatus, string>;

/**
 * Statuses whose rectification is not finished and not agreed as long-term (未完成整改): they can
 * be overdue and they light up (亮灯). Bind as a parameter in SQL (`status = ANY($1)`).
 */
export const OPEN_STATUSES = statusesWhere((p) => p.stage === 'open');

/** Statuses that end the work on an item: signed off (销号) or agreed as long-term (长期坚持). */
export const SETTLED_STATUSES = statusesWhere((p) => p.stage !== 'open');

/**
 * Statuses that carry reminders (提醒): a deadline in measures_set, a review interval in
 * long_term. Matches the partial index `rectification_item_open_deadline_idx`.
 */
export const REMINDED_STATUSES = statusesWhere((p) => p.reminded);

/** True for an open status (see OPEN_STATUSES). */
export function isOpen(status: RectificationStatus): boolean {
  return STATUS_PROFILES[status].stage === 'open';
}

/** The stage of a status (see StatusStage). */
export function stageOf(status: RectificationStatus): StatusStage {
  return STATUS_PROFILES[status].stage;
}

/** The statuses of one stage, e.g. the three open ones for 未完成; bind as a parameter in SQL. */
export function statusesInStage(stage: StatusStage): readonly RectificationStatus[] {
  return statusesWhere((p) => p.stage === stage);
}

/** True when `value` names a status; for input read from files, queries and the database. */
export function isRectificationStatus(value: unknown): value is RectificationStatus {
  return typeof value === 'string' && (RECTIFICATION_STATUSES as readonly string[]).includes(value);
}
