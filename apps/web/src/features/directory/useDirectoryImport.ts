import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { type DirectoryImportResponse, importDirectory } from '../../api/rectify-api';

/** One problem of a directory file, as DIRECTORY_INVALID lists them (Excel row number, column). */
export interface DirectoryProblem {
  row: number;
  column: string;
  message: string;
}

/** The problems of a refused file, or null when the failure was of another kind. */
export function directoryProblems(err: unknown): DirectoryProblem[] | null {
  if (!(err instanceof ApiError) || err.code !== 'DIRECTORY_INVALID') return null;
  const problems = (err.details as { problems?: DirectoryProblem[] } | null)?.problems;
  return Array.isArray(problems) ? problems : null;
}

/** GET /api/directory/template.xlsx, as a download. */
export const downloadDirectoryTemplate = () =>
  api.download('/directory/template.xlsx', undefined, '组织和人员导入模板.xlsx');

/**
 * POST /api/directory/import: checks the file (dryRun) or imports it. The one-time passwords
 * live only in the mutation's result, never in the query cache; the people list and the
 * organisation tree reload after a real import.
 */
export function useDirectoryImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }): Promise<DirectoryImportResponse> =>
      importDirectory({ body: { file, ...(dryRun ? { dryRun: true } : {}) } }),
    onSuccess: (result) => {
      if (result.dryRun) return;
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
    },
  });
}
