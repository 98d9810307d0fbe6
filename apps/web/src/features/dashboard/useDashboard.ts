import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getOrganisationSummary, getOverdueTrend } from '../../api/rectify-api';

/** Keys of the organisation views; they start with 'organisations' so item changes mark them stale. */
export const organisationKeys = {
  summary: (id: string | undefined, year: number) => ['organisations', id, 'summary', year] as const,
  overdueTrend: (id: string | undefined) => ['organisations', id, 'overdue-trend'] as const,
};

/**
 * The rectification summary of an organisation and those below it for one problem year
 * (GET /api/organisations/:id/summary); the previous one stays on screen while it loads.
 */
export function useSummary(organisationId: string | undefined, year: number) {
  return useQuery({
    queryKey: organisationKeys.summary(organisationId, year),
    queryFn: () => getOrganisationSummary({ id: organisationId!, year, format: 'json' }),
    enabled: Boolean(organisationId),
    placeholderData: keepPreviousData,
  });
}

/** The last 12 months' overdue counts, oldest first (GET /api/organisations/:id/overdue-trend). */
export function useOverdueTrend(organisationId: string | undefined) {
  return useQuery({
    queryKey: organisationKeys.overdueTrend(organisationId),
    queryFn: () => getOverdueTrend({ id: organisationId!, months: 12 }),
    enabled: Boolean(organisationId),
    placeholderData: keepPreviousData,
  });
}
