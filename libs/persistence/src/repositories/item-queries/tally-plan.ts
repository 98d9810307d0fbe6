import { readReach, type ReadScope } from '@rectify/workflow';

/**
 * How a search's total over whole subtrees is summed from the subtree counts (事项计数,
 * `item_tally`) rather than counted item by item: the counts of the organisations at `roots`
 * (materialised paths '/id/…/id/', matched as the scope's LIKE matches them; 'all': every root
 * organisation), plus the items of `ownOrganisationIds` (positions that read their own
 * organisation only) that lie outside those roots, counted one by one (a handful of
 * organisations).
 */
export interface TallyPlan {
  roots: string[] | 'all';
  ownOrganisationIds: string[];
}

/**
 * The TallyPlan of a search by `scope`, limited to the subtree at `organisationPath` (or not,
 * null): exactly the items the search's own scope condition reads there.
 */
export function tallyPlan(scope: ReadScope, organisationPath: string | null): TallyPlan {
  const reach = scope === 'operator' ? null : readReach(scope);
  if (reach === null || reach.everything) {
    return { roots: organisationPath ? [organisationPath] : 'all', ownOrganisationIds: [] };
  }
  const roots =
    organisationPath && reach.subtreePaths.some((root) => organisationPath.startsWith(root))
      ? [organisationPath]
      : outermost(
          reach.subtreePaths.filter((root) => !organisationPath || root.startsWith(organisationPath)),
        );
  return { roots, ownOrganisationIds: reach.organisationIds };
}

/** The paths not below another of them (a nested subtree counts once, by the outer one). */
function outermost(paths: string[]): string[] {
  return [...new Set(paths)]
    .sort((a, b) => a.length - b.length)
    .filter((path, i, sorted) => !sorted.slice(0, i).some((root) => path.startsWith(root)));
}
