import { type RecurringProblem, type SummaryFigures, type TrackedItem } from '@rectify/domain';
import { type ReadScope, type RectificationStatus } from '@rectify/workflow';

/** Which tracked items to load: one year's problems of an organisation (and those below it). */
export interface TrackedItemsQuery {
  organisation: { id: string; path: string };
  /** The organisation and every one below it, or the organisation alone. */
  subtree: boolean;
  /** The year of the reports that found the problems. */
  problemYear: number;
}

/**
 * Where a page of tracked items in ledger order ends: the last item's organisation rank, report
 * import instant (ISO, milliseconds), seq and id. The next page starts after it.
 */
export interface TrackedItemsCursor {
  rank: number;
  reportImportedAt: string;
  seq: number;
  id: string;
}

/**
 * One page of a year's tracked items of the organisations ranked in `organisationRanks`, in ledger
 * order (compareItems in libs/domain): by the organisation's rank, then report import instant,
 * seq and id. The caller ranks the organisations (by name, equal names sharing a rank) because
 * their order is a collation the database may not have.
 */
export interface TrackedItemsPageQuery {
  /** The organisation whose subtree is read: items outside it are left out whatever the ranks. */
  organisation: { path: string };
  problemYear: number;
  /** Organisation id → rank; items of organisations not in it are left out. */
  organisationRanks: ReadonlyMap<string, number>;
  /** The page starts after this item; null for the first page. */
  after: TrackedItemsCursor | null;
  /** At most this many items (1 or more). */
  limit: number;
}

/** What a supervisor's summary counts (see summaryFigures). */
export interface SummaryFiguresQuery {
  /** The organisation's materialised path: it and every one below it are counted. */
  organisationPath: string;
  /** The year of the reports that found the problems. */
  problemYear: number;
  /** The day counted (YYYY-MM-DD): items with an earlier deadline are overdue (red). */
  asOf: string;
  /** The last deadline an open item shows yellow on `asOf` (lastYellowDeadline); null: none does. */
  lastYellowDeadline: string | null;
  /** How many overdue items to list at most. */
  listLimit: number;
}

/** The month-end overdue counts to compute (see overdueCounts). */
export interface OverdueCountsQuery {
  /** The organisation's materialised path: it and every one below it are counted. */
  organisationPath: string;
  /** The last day counted (YYYY-MM-DD): the last month ends on it. */
  asOf: string;
  /** How many months, ending with the month of `asOf`. */
  months: number;
}

/** An item of another year that a new problem may repeat (反复出现), as the scorer needs it. */
export interface RecurrenceCandidate {
  id: string;
  seq: number;
  title: string;
  status: RectificationStatus;
  year: number;
  /** A later item's recurrence links as they stand (later side only; absent: it has none). */
  shownLinks?: ShownLinks;
}

/**
 * How many of an item's recurrence links (反复出现) are shown (their earlier item not withdrawn),
 * and the last of them in rank order (score 0 to 1, then the nearer year, then the earlier
 * item's id); null when none is shown.
 */
export interface ShownLinks {
  count: number;
  weakest: { score: number; year: number | null; earlierItemId: string } | null;
}

/** The years before a report's (`earlier`: what it may repeat) or after (`later`: what repeats it). */
export type RecurrenceSide = 'earlier' | 'later';

/** Which items a report's problems may repeat, or be repeated by (see recurrenceCandidates). */
export interface RecurrenceCandidatesQuery extends RecurrenceWindowQuery {
  side: RecurrenceSide;
}

/** A recurrence lookup on both sides of a report's year (see recurrenceWindow). */
export interface RecurrenceWindowQuery {
  organisationId: string;
  year: number;
  windowYears: number;
  /** Per problem, its recurrence keys. */
  problemKeys: readonly (readonly string[])[];
  limitPerProblem: number;
}

/** The candidates of a recurrence lookup. */
export interface RecurrenceCandidates {
  /** Every candidate once. */
  items: RecurrenceCandidate[];
  /** Per problem (in the order asked), the indexes into `items` of its candidates. */
  perProblem: number[][];
  /** How many problems shared keys with more items than `limitPerProblem` (the rest not compared). */
  problemsOverLimit: number;
}

/**
 * Reads for closing the loop (整改闭环): the tracked items that the 上年度整改情况, the summary
 * and the ledger put into words, the overdue trend, and the items a report is reconciled with.
 * Every read takes the reader's scope; items outside it are left out as if absent.
 */
export interface TrackedItemsRepository {
  /**
   * The tracked items of one year's reports, with measures, evidence, the last completion
   * request, the sign-off day (Shanghai), the branch's latest progress and the earlier problems
   * each repeats (withdrawn earlier problems left out). Five queries, however many items.
   * Unordered. Withdrawn items (撤销) are left out.
   */
  load(scope: ReadScope, query: TrackedItemsQuery): Promise<TrackedItem[]>;

  /**
   * The tracked items of load (same parts, withdrawn items left out, subtree only), one page in
   * ledger order (see TrackedItemsPageQuery): a keyset read, so every page costs the same and
   * an item added meanwhile behind the cursor is not read twice. Fewer than `limit` items: the last page.
   */
  loadPage(scope: ReadScope, query: TrackedItemsPageQuery): Promise<TrackedItem[]>;

  /**
   * For each of the last `months` months (oldest first, `month` YYYY-MM), how many items of the
   * organisation and those below it were overdue at the end of that month in Shanghai time (the
   * month of `asOf` ends on `asOf`), replaying history: the status and deadline in force then.
   * Items withdrawn now (撤销) count in no month: they were mistakes.
   */
  overdueCounts(scope: ReadScope, query: OverdueCountsQuery): Promise<{ month: string; overdue: number }[]>;

  /**
   * A summary's figures, counted by the database: per row (the organisation at `organisationPath`
   * itself, and each direct child with its whole subtree, see summaryRowOf; zeros for those without
   * items) its items, completed, long-term, open, overdue and recurring ones; per organisation
   * with recurring items of its own, how many; the items and their measures per status, source and light; and
   * the `listLimit` most overdue items (deadline ascending, then id). Withdrawn items (撤销) and
   * withdrawn earlier problems are left out, as in load().
   */
  summaryFigures(
    scope: ReadScope,
    query: SummaryFiguresQuery,
  ): Promise<Omit<SummaryFigures, 'recurringItems'>>;

  /**
   * The tracked items (as load() returns them) of `problemYear` of the given organisations that
   * repeat an earlier problem not withdrawn: the recurring items a summary lists. Unordered.
   */
  recurringItems(
    scope: ReadScope,
    query: { organisationIds: readonly string[]; problemYear: number },
  ): Promise<TrackedItem[]>;

  /** The organisation at `organisationPath` and those below it, within the scope: ids, names and paths. */
  organisationsBelow(
    scope: ReadScope,
    organisationPath: string,
  ): Promise<{ id: string; name: string; path: string }[]>;

  /**
   * Names and statuses of one organisation's problems of `problemYear` (not those below it),
   * in report then problem order: what a report's 上年度整改情况 is matched with. Withdrawn
   * items (撤销) are left out.
   */
  problemsOfYear(
    scope: ReadScope,
    organisationId: string,
    problemYear: number,
  ): Promise<{ id: string; title: string; status: RectificationStatus }[]>;

  /**
   * The problems of a stored report that repeat earlier problems, with those earlier problems
   * (most similar first): the links made at import, without withdrawn items (撤销) on either
   * side. Empty when the report is out of scope.
   */
  storedRecurrence(scope: ReadScope, reportId: string): Promise<RecurringProblem[]>;

  /**
   * One organisation's items of the `windowYears` years before (`earlier`) or after (`later`)
   * `year` that share a recurrence key with each of the given problems (their keys from
   * recurrenceKeys in libs/domain, one list per problem): at most `limitPerProblem` a problem,
   * those sharing the most keys first, then the nearest years. A key that more than
   * `limitPerProblem` items share is read for the nearest years' items only (its problems are
   * over the limit then), so the work is bounded by the problems' keys, not the organisation's
   * size. Withdrawn items (撤销) are no candidates.
   */
  recurrenceCandidates(scope: ReadScope, query: RecurrenceCandidatesQuery): Promise<RecurrenceCandidates>;

  /**
   * recurrenceCandidates on both sides of `year` at once: the same candidates, in one lookup.
   */
  recurrenceWindow(
    scope: ReadScope,
    query: RecurrenceWindowQuery,
  ): Promise<Record<RecurrenceSide, RecurrenceCandidates>>;
}
