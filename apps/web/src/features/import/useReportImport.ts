import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type ExtractedProblemResponse,
  importReport,
  type ItemSource,
  previewReport,
  reconcileReportFile,
} from '../../api/rectify-api';
import { invalidateItemData } from '../items/item-keys';
import { reportKeys } from '../organisations/useReports';
import { correctionsField, type PreviewCorrections } from './preview-corrections';

/** The report file, the organisation it belongs to and its year (read from the report when absent). */
export interface ReportUpload {
  file: File;
  organisationId: string;
  year: number | null;
}

/** The multipart fields: an absent year is left out, not sent empty. */
const fields = ({ file, organisationId, year }: ReportUpload) => ({
  file,
  organisationId,
  ...(year ? { year } : {}),
});

/** POST /api/reports/preview: what the parser reads from the file; nothing is stored. */
export const usePreviewReport = () =>
  useMutation({ mutationFn: (file: File) => previewReport({ body: { file } }) });

/** POST /api/reports/reconcile: last year's claims checked against the tracked items; nothing stored. */
export const useReconcileReport = () =>
  useMutation({ mutationFn: (upload: ReportUpload) => reconcileReportFile({ body: fields(upload) }) });

/**
 * POST /api/reports: imports the report, one item per problem, with the administrator's
 * corrections. Items, organisation views and the report list reload afterwards.
 */
export function useImportReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      v: ReportUpload & {
        source: ItemSource;
        corrections: PreviewCorrections;
        extracted: readonly ExtractedProblemResponse[];
      },
    ) => {
      const corrections = correctionsField(v.corrections, v.extracted);
      return importReport({
        body: { ...fields(v), source: v.source, ...(corrections ? { corrections } : {}) },
      });
    },
    onSuccess: () => {
      void invalidateItemData(queryClient);
      void queryClient.invalidateQueries({ queryKey: reportKeys.all });
    },
  });
}
