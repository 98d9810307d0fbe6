import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type ItemSource, type RectificationStatus } from '../../api/rectify-api';
import { type StatusStage } from '../../api/generated/vocabulary';
import { type ItemQuery } from '../../features/items/item-api';

const DEFAULT_PAGE_SIZE = 20;
const FILTERS = [
  'org',
  'subtree',
  'status',
  'stage',
  'overdue',
  'recurring',
  'source',
  'year',
  'withdrawn',
  'q',
] as const;
export type Filter = (typeof FILTERS)[number];

/**
 * The address of the items list filtered as given, e.g. from a dashboard cell:
 * `itemsLink({ org, subtree: 'false', year: '2024', stage: 'open' })`. Empty values are left out.
 */
export function itemsLink(filters: Partial<Record<Filter, string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const key of FILTERS) {
    const value = filters[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `/items?${text}` : '/items';
}

/** 'true' and 'false' as booleans; anything else as no filter. */
const yesNo = (v: string | undefined): boolean | undefined =>
  v === 'true' ? true : v === 'false' ? false : undefined;

/**
 * The list's filters and page, kept in the URL so "back" returns to them: `values` as the
 * filter controls show them, `query` for GET /api/items, and setters that start again at page 1
 * when a filter changes.
 */
export function useItemFilters() {
  const [params, setParams] = useSearchParams();

  const values = useMemo(
    () =>
      Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? undefined])) as Record<
        Filter,
        string | undefined
      >,
    [params],
  );
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE;
  const query = useMemo<ItemQuery>(
    () => ({
      // The server refuses a value it does not know, with a message saying so.
      organisationId: values.org,
      // Only with an organisation: its own items alone, or (the default) those below it too.
      subtree: values.org && values.subtree === 'false' ? false : undefined,
      status: values.status as RectificationStatus | undefined,
      stage: values.stage as StatusStage | undefined,
      source: values.source as ItemSource | undefined,
      overdue: yesNo(values.overdue),
      recurring: yesNo(values.recurring),
      year: values.year ? Number(values.year) || undefined : undefined,
      withdrawn: values.withdrawn as ItemQuery['withdrawn'],
      q: values.q,
      page,
      pageSize,
    }),
    [values, page, pageSize],
  );

  /** Sets (or, given undefined, removes) filters at once and goes back to page 1. */
  const setFilters = (changes: Partial<Record<Filter, string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete('page');
    setParams(next);
  };
  const setFilter = (key: Filter, value: string | undefined) => setFilters({ [key]: value });
  const setPage = (nextPage: number, nextSize: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(nextPage));
    next.set('pageSize', String(nextSize));
    setParams(next);
  };
  const clear = () => setParams(new URLSearchParams());
  const filtered = FILTERS.some((k) => params.get(k));

  return { values, query, page, pageSize, setFilter, setFilters, setPage, clear, filtered };
}
