import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth/auth-context';
import {
  type MeResponse,
  type OrganisationNodeResponse as OrganisationNode,
  type ReportListEntryResponse,
} from '../../api/rectify-api';
import { useOrganisationTree } from '../../features/organisations/useOrganisationTree';
import { useReports } from '../../features/organisations/useReports';

/** Every organisation in the tree below (and including) the one given. */
export function subtreeIds(tree: OrganisationNode[], id: string | undefined): Set<string> {
  const out = new Set<string>();
  const collect = (n: OrganisationNode) => {
    out.add(n.id);
    n.children.forEach(collect);
  };
  const find = (nodes: OrganisationNode[]): void => {
    for (const n of nodes) {
      if (n.id === id) collect(n);
      else find(n.children);
    }
  };
  find(tree);
  return out;
}

export const lastYear = () => new Date().getFullYear() - 1;

/** Depth of each organisation in the tree (roots 0). */
function depths(tree: OrganisationNode[]): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (nodes: OrganisationNode[], depth: number) =>
    nodes.forEach((n) => {
      out.set(n.id, depth);
      walk(n.children, depth + 1);
    });
  walk(tree, 0);
  return out;
}

/**
 * Where the pages open: for an administrator the highest organisation they administer (the root
 * for the root administrator), for anyone else their own organisation.
 */
function defaultOrganisation(user: MeResponse | null, tree: OrganisationNode[]): string | undefined {
  if (!user) return undefined;
  const depth = depths(tree);
  const administered = user.positions
    .filter((p) => p.kind === 'admin' && depth.has(p.organisationId))
    .sort((a, b) => (depth.get(a.organisationId) ?? 0) - (depth.get(b.organisationId) ?? 0));
  return administered[0]?.organisationId ?? user.organisation.id;
}

/**
 * The years with imported reports, newest first: `own` of the organisation itself (已导入),
 * `below` only of organisations under it (下级已导入), `all` of both.
 */
export interface YearsWithData {
  own: number[];
  below: number[];
  all: number[];
}

function yearsOf(
  reports: ReportListEntryResponse[],
  tree: OrganisationNode[],
  organisationId: string | undefined,
): YearsWithData {
  const newestFirst = (years: number[]) => [...new Set(years)].sort((a, b) => b - a);
  const withYear = reports.filter((r): r is ReportListEntryResponse & { year: number } => r.year !== null);
  const subtree = subtreeIds(tree, organisationId);
  const own = newestFirst(withYear.filter((r) => r.organisationId === organisationId).map((r) => r.year));
  const all = newestFirst(
    withYear
      .filter((r) => r.organisationId === organisationId || subtree.has(r.organisationId))
      .map((r) => r.year),
  );
  return { own, below: all.filter((y) => !own.includes(y)), all };
}

/**
 * The organisation and problem year the dashboard and the outputs page work on, kept in the
 * address (`?org=…&year=…`) so a view can be shared and "back" returns to it. Unless chosen: the
 * organisation an administrator administers (else the user's own) and the latest year with
 * imported reports there or below (else last year).
 */
export function useOrganisationYear() {
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const reports = useReports();
  const { tree, loading: treeLoading } = useOrganisationTree();

  const organisationId = params.get('org') ?? defaultOrganisation(user, tree);
  const years = useMemo(() => yearsOf(reports, tree, organisationId), [reports, tree, organisationId]);
  const chosenYear = Number(params.get('year')) || undefined;
  const year = chosenYear ?? years.all[0] ?? lastYear();

  const update = (key: 'org' | 'year', value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };

  return {
    organisationId,
    setOrganisationId: (id: string) => update('org', id),
    year,
    setYear: (y: number) => update('year', String(y)),
    /** Years with reports of the organisation or below it, newest first. */
    yearsWithData: years.all,
    years,
    tree,
    treeLoading,
  };
}
