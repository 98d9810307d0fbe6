import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ItemSource } from '../../api/generated/vocabulary';
import {
  addProgressNote,
  createItems,
  deleteEvidence,
  restoreItem,
  sendBulkTransition,
  sendTransition,
  updateItemDetails,
  uploadEvidence,
  withdrawItem,
} from './item-api';
import { invalidateItemData } from './item-keys';

/**
 * A change to items: on success every list, detail and organisation view reloads when shown
 * (not awaited, so a dialog can close at once). Errors reach the caller as ApiError.
 */
function useItemChange<V, R>(change: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => {
      void invalidateItemData(queryClient);
    },
  });
}

/** POST /api/items/:id/transitions. */
export const useTransition = () => useItemChange(sendTransition);

/** POST /api/items/bulk-transitions: one event for many items; per-item results. */
export const useBulkTransition = () => useItemChange(sendBulkTransition);

/** POST /api/items/:id/notes (记录整改进展). */
export const useAddNote = () =>
  useItemChange((v: { itemId: string; note: string; expectedVersion: number }) =>
    addProgressNote(v.itemId, v.note, v.expectedVersion),
  );

/** PATCH /api/items/:id (标题、描述 when changed, 问题来源, 责任领导; null clears the leader). */
export const useUpdateDetails = () =>
  useItemChange(
    (v: {
      itemId: string;
      title?: string;
      detail?: string;
      source: ItemSource;
      responsibleLeader: string | null;
      expectedVersion: number;
    }) =>
      updateItemDetails(v.itemId, {
        title: v.title,
        detail: v.detail,
        source: v.source,
        responsibleLeader: v.responsibleLeader,
        expectedVersion: v.expectedVersion,
      }),
  );

/** POST /api/items: new items by hand (新建整改事项), several from a pasted list. */
export const useCreateItems = () => useItemChange(createItems);

/** POST /api/items/:id/evidence: one file and an optional description. */
export const useUploadEvidence = () =>
  useItemChange((v: { itemId: string; file: File; text: string }) =>
    uploadEvidence(v.itemId, v.file, v.text),
  );

/** DELETE /api/items/:id/evidence/:evidenceId. */
export const useDeleteEvidence = () =>
  useItemChange((v: { itemId: string; evidenceId: string }) => deleteEvidence(v.itemId, v.evidenceId));

/** POST /api/items/:id/withdraw (撤销): the item leaves lists, counts and ledgers. */
export const useWithdrawItem = () =>
  useItemChange((v: { itemId: string; reason: string; version: number }) =>
    withdrawItem(v.itemId, v.reason, v.version),
  );

/** POST /api/items/:id/restore (恢复): the item returns in the status it had. */
export const useRestoreItem = () =>
  useItemChange((v: { itemId: string; note?: string; version: number }) =>
    restoreItem(v.itemId, v.note, v.version),
  );
