import { useQuery } from '@tanstack/react-query';
import { listReports, type ReportListEntryResponse } from '../../api/rectify-api';

export const reportKeys = { all: ['reports'] as const };

const NO_REPORTS: ReportListEntryResponse[] = [];

/** The reports imported for the organisations the user may see; empty until loaded or on failure. */
export function useReports(): ReportListEntryResponse[] {
  const { data } = useQuery({ queryKey: reportKeys.all, queryFn: () => listReports() });
  return data ?? NO_REPORTS;
}

/** True once the list of reports the user may see has loaded and is empty (nothing imported yet). */
export function useNoReportsYet(): boolean {
  const { data } = useQuery({ queryKey: reportKeys.all, queryFn: () => listReports() });
  return data !== undefined && data.length === 0;
}
