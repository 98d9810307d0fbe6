import { useMutation, useQueryClient } from '@tanstack/react-query';
import { removeReport } from '../../api/rectify-api';
import { invalidateItemData } from '../items/item-keys';
import { reportKeys } from '../organisations/useReports';

/**
 * DELETE /api/reports/:id (删除导入): the report and every item it made, refused (409
 * REPORT_IN_USE, as ApiError with the server's Chinese message) once someone worked on them.
 * On success the reports, items and organisation views reload.
 */
export function useRemoveImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reportId: string) => removeReport({ id: reportId }),
    onSuccess: () => {
      void invalidateItemData(queryClient);
      void queryClient.invalidateQueries({ queryKey: reportKeys.all });
    },
  });
}
