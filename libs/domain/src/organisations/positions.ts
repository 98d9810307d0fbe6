/**
 * The positions (职务) a person holds in a Party organisation. A person may hold several, in one
 * organisation or in several (a 党总支书记 who is also 组织委员 of the 党委 above). What they may do
 * follows from their positions' rights, never from one role per person.
 */
export const POSITION_KINDS = [
  'secretary',
  'deputy_secretary',
  'organising_member',
  'discipline_member',
  'party_worker',
  'admin',
] as const;

/** 书记 / 副书记 / 组织委员 / 纪检委员 / 党务工作者 / 管理员. */
export type PositionKind = (typeof POSITION_KINDS)[number];

/**
 * The rights a position may carry in its organisation:
 * - `work_items` (整改责任): works the organisation's own rectification items (sets measures,
 *   submits for sign-off, asks for extensions);
 * - `supervise` (督办): signs off, returns, approves extensions and long-term status for the
 *   organisations below, and creates items for them (上级点评 …). Never for its own organisation:
 *   its items are signed off by the level above.
 * Administration (管理) is not a right but a kind of position: a 管理员 administers the subtree of
 * their organisation (organisations, people, imports), and one on a root organisation the system.
 */
export const POSITION_RIGHTS = ['work_items', 'supervise'] as const;

export type PositionRight = (typeof POSITION_RIGHTS)[number];

/** What each kind of position is called and which rights it carries unless designated otherwise. */
export interface PositionProfile {
  label: string;
  defaultRights: readonly PositionRight[];
  /** True for 管理员 only: administers the organisation's subtree. */
  administers: boolean;
}

export const POSITION_PROFILES: Record<PositionKind, PositionProfile> = {
  secretary: { label: '书记', defaultRights: ['work_items', 'supervise'], administers: false },
  deputy_secretary: { label: '副书记', defaultRights: ['supervise'], administers: false },
  organising_member: { label: '组织委员', defaultRights: ['supervise'], administers: false },
  discipline_member: { label: '纪检委员', defaultRights: [], administers: false },
  party_worker: { label: '党务工作者', defaultRights: [], administers: false },
  admin: { label: '管理员', defaultRights: [], administers: true },
};

/** Chinese label of each right: 整改责任 (works the items), 督办 (supervises below). */
export const POSITION_RIGHT_LABELS: Record<PositionRight, string> = {
  work_items: '整改责任',
  supervise: '督办',
};

/** The kind whose Chinese label is `label` (书记 → secretary), or null. Surrounding spaces ignored. */
export function positionKindOfLabel(label: string): PositionKind | null {
  const wanted = label.trim();
  return POSITION_KINDS.find((k) => POSITION_PROFILES[k].label === wanted) ?? null;
}

/**
 * The rights a position of `kind` carries: `designated` when given (the organisation's own
 * designation, e.g. a 党务工作者 who works the items, a 纪检委员 who supervises), else the
 * kind's defaults. A 管理员 carries none: administration is its kind. Duplicates dropped,
 * returned in POSITION_RIGHTS order.
 */
export function positionRights(kind: PositionKind, designated?: readonly PositionRight[]): PositionRight[] {
  if (POSITION_PROFILES[kind].administers) return [];
  const wanted = designated ?? POSITION_PROFILES[kind].defaultRights;
  return POSITION_RIGHTS.filter((r) => wanted.includes(r));
}
