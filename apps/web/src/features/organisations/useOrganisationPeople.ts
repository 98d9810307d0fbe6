import { useQuery } from '@tanstack/react-query';
import { listOrganisationPeople, type OrganisationPersonResponse } from '../../api/rectify-api';

const NOBODY: OrganisationPersonResponse[] = [];

/**
 * The active people of an organisation (at most 500, by name), to pick a measure's 责任人 from.
 * Empty while loading or when they cannot be loaded: the field then takes a name as free text.
 */
export function useOrganisationPeople(organisationId: string | undefined) {
  const { data, isPending } = useQuery({
    queryKey: ['organisations', organisationId, 'people'],
    queryFn: () => listOrganisationPeople({ id: organisationId as string }).then((answer) => answer.people),
    enabled: !!organisationId,
    staleTime: 60_000,
  });
  return { people: data ?? NOBODY, loading: !!organisationId && isPending };
}
