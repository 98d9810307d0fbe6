import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { getLedger } from '../../api/rectify-api';

/** Loads only while `active` (its tab is shown); keyed under the organisation so changes reload it. */
function useOutput<T>(
  organisationId: string | undefined,
  name: string,
  year: number,
  active: boolean,
  load: () => Promise<T>,
) {
  return useQuery({
    queryKey: ['organisations', organisationId, name, year],
    queryFn: load,
    enabled: Boolean(organisationId) && active,
  });
}

/** 上年度整改情况 of the report for `year + 1` (GET …/section as text: not a JSON response). */
export const useSection = (organisationId: string | undefined, year: number, active: boolean) =>
  useOutput(organisationId, 'section', year, active, () =>
    api.text(`/organisations/${organisationId}/section`, { year: year + 1, format: 'text' }),
  );

/** 整改台账 of `year` (GET …/ledger as JSON). */
export const useLedger = (organisationId: string | undefined, year: number, active: boolean) =>
  useOutput(organisationId, 'ledger', year, active, () =>
    getLedger({ id: organisationId!, year, format: 'json' }),
  );

/** 整改情况汇总 of `year` (GET …/summary as text). */
export const useSummaryText = (organisationId: string | undefined, year: number, active: boolean) =>
  useOutput(organisationId, 'summary-text', year, active, () =>
    api.text(`/organisations/${organisationId}/summary`, { year, format: 'text' }),
  );
