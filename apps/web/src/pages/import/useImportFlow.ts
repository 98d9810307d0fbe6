import { App } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/error-message';
import { useAuth } from '../../auth/auth-context';
import { type ItemSource } from '../../api/generated/vocabulary';
import { type ReportPreviewResponse } from '../../api/rectify-api';
import { type PreviewCorrections } from '../../features/import/preview-corrections';
import { useImportReport, usePreviewReport, useReconcileReport } from '../../features/import/useReportImport';

/** Every format the API reads (the server answers .xls with advice to save it as .xlsx). */
export const ACCEPT = '.docx,.doc,.wps,.pdf,.txt,.md,.xlsx,.xls,.csv';
const ACCEPTED_NAME = /\.(docx|doc|wps|pdf|txt|md|xlsx|xls|csv)$/i;
export const FORMATS_HINT =
  'Word（.docx/.doc）、WPS（.wps）、PDF（需有文字层）、.txt/.md、问题清单表格（.xlsx/.csv）';

const NO_CORRECTIONS = (): PreviewCorrections => ({ dropped: new Set(), titles: {} });

/**
 * The import page's steps: choose a file, preview what is read from it, correct it, then
 * import it or only check it against last year's items. One failure message at a time.
 */
export function useImportFlow() {
  const { user } = useAuth();
  const { message } = App.useApp();
  const [organisationId, setOrganisationId] = useState<string | undefined>(user?.organisation.id);
  const [year, setYear] = useState<number | null>(null);
  const [source, setSource] = useState<ItemSource>('self_inspection');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [extraction, setExtraction] = useState<ReportPreviewResponse | null>(null);
  const [corrections, setCorrections] = useState<PreviewCorrections>(NO_CORRECTIONS);
  const previewing = usePreviewReport();
  const importing = useImportReport();
  const reconciling = useReconcileReport();

  const imported = importing.data ?? null;
  const checked = reconciling.data ?? null;
  const busy = previewing.isPending
    ? 'preview'
    : importing.isPending
      ? 'import'
      : reconciling.isPending
        ? 'reconcile'
        : null;

  const reset = () => {
    setExtraction(null);
    setCorrections(NO_CORRECTIONS());
    importing.reset();
    reconciling.reset();
    setError(null);
  };

  const pick = (f: File | undefined) => {
    if (!f) return;
    if (!ACCEPTED_NAME.test(f.name)) {
      message.error(`只支持 ${FORMATS_HINT} 格式的报告文件`);
      return;
    }
    reset();
    setFile(f);
  };

  const preview = async () => {
    if (!file) return;
    reset();
    try {
      const result = await previewing.mutateAsync(file);
      setExtraction(result);
      if (!year && result.year) setYear(result.year);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const doImport = async () => {
    if (!file || !organisationId) return;
    setError(null);
    try {
      const result = await importing.mutateAsync({
        file,
        organisationId,
        year,
        source,
        corrections,
        extracted: extraction?.problems ?? [],
      });
      reconciling.reset();
      message.success(
        result.created ? `已导入，建立 ${result.itemIds.length} 个整改事项` : '该报告此前已导入',
      );
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const reconcile = async () => {
    if (!file || !organisationId) return;
    setError(null);
    reconciling.reset();
    try {
      await reconciling.mutateAsync({ file, organisationId, year });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const startAgain = () => {
    reset();
    setFile(null);
  };

  return {
    organisationId,
    setOrganisationId,
    year,
    setYear,
    source,
    setSource,
    file,
    pick,
    busy,
    error,
    clearError: () => setError(null),
    extraction,
    corrections,
    setCorrections,
    imported,
    checked,
    preview,
    doImport,
    reconcile,
    startAgain,
  };
}

export type ImportFlow = ReturnType<typeof useImportFlow>;
