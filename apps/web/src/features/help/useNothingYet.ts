import { useItems } from '../items/useItems';
import { useNoReportsYet } from '../organisations/useReports';

/**
 * True once it is known that the user sees no report and no item at all: a new installation, or
 * a supervisor whose organisations have not been imported yet. False while loading.
 */
export function useNothingYet(): boolean {
  const noReports = useNoReportsYet();
  // Asked only when there is no report: items created by hand need none.
  const anyItem = useItems({ pageSize: 1 }, noReports);
  return noReports && anyItem.data?.total === 0;
}
