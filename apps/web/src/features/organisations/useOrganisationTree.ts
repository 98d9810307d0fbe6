import { useQuery } from '@tanstack/react-query';
import { getOrganisationTree, type OrganisationNodeResponse } from '../../api/rectify-api';

const NO_ORGANISATIONS: OrganisationNodeResponse[] = [];

/** The organisation tree the user may see; empty while loading or when it cannot be loaded. */
export function useOrganisationTree() {
  const { data, isPending } = useQuery({
    queryKey: ['organisations', 'tree'],
    queryFn: () => getOrganisationTree().catch(() => NO_ORGANISATIONS),
  });
  return { tree: data ?? NO_ORGANISATIONS, loading: isPending };
}
