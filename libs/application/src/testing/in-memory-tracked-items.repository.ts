import {
  isOpen,
  type ItemGroupCount,
  type ItemLight,
  type OrganisationCounts,
  recurrenceKeys,
  type RecurringCount,
  type RecurringProblem,
  summaryRowOf,
  type SummaryFigures,
  type TrackedItem,
} from '@rectify/domain';
import {
  type OverdueCountsQuery,
  type RecurrenceCandidate,
  type RecurrenceCandidates,
  type RecurrenceCandidatesQuery,
  type TrackedItemsCursor,
  type TrackedItemsPageQuery,
  type SummaryFiguresQuery,
  type RecurrenceSide,
  type RecurrenceWindowQuery,
  type TrackedItemsQuery,
  type TrackedItemsRepository,
} from '@rectify/persistence';
import { mayOnOrganisation, type ReadScope, type RectificationStatus } from '@rectify/workflow';

/**
 * TrackedItemsRepository in memory, for unit tests. Items carry their organisation's path; the
 * scope follows the pure read rule. The overdue counts use each item's current status and
 * deadline (no history replay: that is the SQL's, tested against the database).
 */
export class InMemoryTrackedItemsRepository implements TrackedItemsRepository {
  constructor(
    private readonly items: (TrackedItem & { organisationPath: string })[] = [],
    private readonly organisations: { id: string; name: string; path: string }[] = [],
  ) {}

  async load(scope: ReadScope, query: TrackedItemsQuery): Promise<TrackedItem[]> {
    return this.visible(scope)
      .filter((i) => i.reportYear === query.problemYear)
      .filter((i) =>
        query.subtree
          ? i.organisationPath.startsWith(query.organisation.path)
          : i.organisationId === query.organisation.id,
      )
      .map(({ organisationPath: _, ...i }) => structuredClone(i));
  }

  async loadPage(scope: ReadScope, query: TrackedItemsPageQuery): Promise<TrackedItem[]> {
    const keyOf = (i: TrackedItem) => ({
      rank: query.organisationRanks.get(i.organisationId) ?? -1,
      reportImportedAt: i.reportImportedAt,
      seq: i.seq,
      id: i.id,
    });
    const byKey = (a: TrackedItemsCursor, b: TrackedItemsCursor) =>
      a.rank - b.rank ||
      Date.parse(a.reportImportedAt) - Date.parse(b.reportImportedAt) ||
      a.seq - b.seq ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const after = query.after;
    return (
      await this.load(scope, {
        organisation: { id: '', ...query.organisation },
        subtree: true,
        problemYear: query.problemYear,
      })
    )
      .filter((i) => query.organisationRanks.has(i.organisationId))
      .filter((i) => after === null || byKey(keyOf(i), after) > 0)
      .sort((a, b) => byKey(keyOf(a), keyOf(b)))
      .slice(0, query.limit);
  }

  async overdueCounts(
    scope: ReadScope,
    query: OverdueCountsQuery,
  ): Promise<{ month: string; overdue: number }[]> {
    const [year, month] = query.asOf.split('-').map(Number);
    return Array.from({ length: query.months }, (_, k) => {
      const first = new Date(Date.UTC(year, month - 1 - (query.months - 1 - k), 1));
      const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0))
        .toISOString()
        .slice(0, 10);
      const day = last < query.asOf ? last : query.asOf;
      const overdue = this.visible(scope).filter(
        (i) =>
          i.organisationPath.startsWith(query.organisationPath) &&
          isOpen(i.status) &&
          i.deadline !== null &&
          i.deadline < day,
      ).length;
      return { month: first.toISOString().slice(0, 7), overdue };
    });
  }

  async summaryFigures(
    scope: ReadScope,
    query: SummaryFiguresQuery,
  ): Promise<Omit<SummaryFigures, 'recurringItems'>> {
    const items = this.visible(scope).filter(
      (i) => i.reportYear === query.problemYear && i.organisationPath.startsWith(query.organisationPath),
    );
    // The SQL's light rule: red before asOf, yellow up to lastYellowDeadline, green after.
    const light = (i: TrackedItem): ItemLight => {
      if (!isOpen(i.status)) return 'not_lit';
      if (i.deadline === null) return 'no_deadline';
      if (i.deadline < query.asOf) return 'red';
      return query.lastYellowDeadline !== null && i.deadline <= query.lastYellowDeadline ? 'yellow' : 'green';
    };
    // The rows as the SQL makes them: the root's own, and each direct child with its subtree.
    const rootId = summaryRowOf(query.organisationPath, query.organisationPath);
    const rows = new Map<string, OrganisationCounts>();
    const row = (id: string) => {
      let r = rows.get(id);
      if (!r) {
        const name = this.organisations.find((o) => o.id === id)?.name ?? id;
        const zero = { items: 0, completed: 0, longTerm: 0, open: 0, overdue: 0, recurring: 0 };
        rows.set(
          id,
          (r = { organisationId: id, organisationName: name, includesBelow: id !== rootId, ...zero }),
        );
      }
      return r;
    };
    for (const o of await this.organisationsBelow(scope, query.organisationPath))
      row(summaryRowOf(query.organisationPath, o.path) as string);
    const recurringCounts = new Map<string, RecurringCount>();
    for (const i of items) {
      const r = row(summaryRowOf(query.organisationPath, i.organisationPath) as string);
      r.items++;
      if (i.status === 'completed') r.completed++;
      if (i.status === 'long_term') r.longTerm++;
      if (isOpen(i.status)) r.open++;
      if (light(i) === 'red') r.overdue++;
      if (i.recurrence.length === 0) continue;
      r.recurring++;
      const own = recurringCounts.get(i.organisationId) ?? {
        organisationId: i.organisationId,
        organisationName: i.organisationName,
        recurring: 0,
      };
      own.recurring++;
      recurringCounts.set(i.organisationId, own);
    }
    const organisations = [...rows.values()];
    const groups = new Map<string, ItemGroupCount>();
    for (const i of items) {
      const key = `${i.status}|${i.source}|${light(i)}`;
      const group = groups.get(key) ?? {
        status: i.status,
        source: i.source,
        light: light(i),
        items: 0,
        measures: 0,
      };
      group.items++;
      group.measures += i.measures.length;
      groups.set(key, group);
    }
    const overdue = items
      .filter((i): i is typeof i & { deadline: string } => light(i) === 'red')
      .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id))
      .slice(0, query.listLimit)
      .map((i) => ({
        itemId: i.id,
        organisationName: i.organisationName,
        title: i.title,
        status: i.status,
        deadline: i.deadline,
      }));
    return {
      organisations,
      recurringCounts: [...recurringCounts.values()],
      groups: [...groups.values()],
      overdue,
    };
  }

  async recurringItems(
    scope: ReadScope,
    query: { organisationIds: readonly string[]; problemYear: number },
  ): Promise<TrackedItem[]> {
    return this.visible(scope)
      .filter(
        (i) =>
          i.reportYear === query.problemYear &&
          query.organisationIds.includes(i.organisationId) &&
          i.recurrence.length > 0,
      )
      .map(({ organisationPath: _, ...i }) => structuredClone(i));
  }

  async organisationsBelow(
    scope: ReadScope,
    organisationPath: string,
  ): Promise<{ id: string; name: string; path: string }[]> {
    const viewer = scope === 'operator' ? null : scope;
    return this.organisations
      .filter((o) => o.path.startsWith(organisationPath) && mayOnOrganisation(viewer, 'READ', o.path))
      .map(({ id, name, path }) => ({ id, name, path }));
  }

  async problemsOfYear(
    scope: ReadScope,
    organisationId: string,
    problemYear: number,
  ): Promise<{ id: string; title: string; status: RectificationStatus }[]> {
    return this.visible(scope)
      .filter((i) => i.organisationId === organisationId && i.reportYear === problemYear)
      .map(({ id, title, status }) => ({ id, title, status }));
  }

  async storedRecurrence(): Promise<RecurringProblem[]> {
    return [];
  }

  async recurrenceCandidates(
    scope: ReadScope,
    query: RecurrenceCandidatesQuery,
  ): Promise<RecurrenceCandidates> {
    const within = this.visible(scope).filter((i) => {
      if (i.organisationId !== query.organisationId || i.reportYear === null) return false;
      const apart = query.side === 'earlier' ? query.year - i.reportYear : i.reportYear - query.year;
      return apart >= 1 && apart <= query.windowYears;
    });
    const items: RecurrenceCandidate[] = within.map((i) => ({
      id: i.id,
      seq: i.seq,
      title: i.title,
      status: i.status,
      year: i.reportYear as number,
    }));
    // The SQL's rule but for its cap per key: items sharing a key, the most keys first, then the nearest years.
    const itemKeys = items.map((i) => new Set(recurrenceKeys(i.title)));
    let problemsOverLimit = 0;
    const perProblem = query.problemKeys.map((keys) => {
      const hits = items
        .map((item, index) => ({ index, item, shared: keys.filter((k) => itemKeys[index].has(k)).length }))
        .filter((h) => h.shared > 0)
        .sort(
          (a, b) =>
            b.shared - a.shared ||
            Math.abs(a.item.year - query.year) - Math.abs(b.item.year - query.year) ||
            a.item.id.localeCompare(b.item.id),
        );
      if (hits.length > query.limitPerProblem) problemsOverLimit++;
      return hits.slice(0, query.limitPerProblem).map((h) => h.index);
    });
    return { items, perProblem, problemsOverLimit };
  }

  async recurrenceWindow(
    scope: ReadScope,
    query: RecurrenceWindowQuery,
  ): Promise<Record<RecurrenceSide, RecurrenceCandidates>> {
    return {
      earlier: await this.recurrenceCandidates(scope, { ...query, side: 'earlier' }),
      later: await this.recurrenceCandidates(scope, { ...query, side: 'later' }),
    };
  }

  private visible(scope: ReadScope) {
    const viewer = scope === 'operator' ? null : scope;
    return this.items.filter((i) => mayOnOrganisation(viewer, 'READ', i.organisationPath));
  }
}
