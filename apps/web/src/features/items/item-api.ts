import { api } from '../../api/client';
import {
  addItemNote,
  createItems as postItems,
  type CreateItemsDto,
  type CreatedItemsResponse,
  bulkTransitionItems,
  type BulkTransitionResponse,
  deleteEvidence as deleteEvidenceFile,
  getItem,
  restoreItem as postRestore,
  type ItemDetailResponse,
  type ItemEvidenceResponse,
  type ItemPageResponse,
  type ItemSource,
  type RectificationEventType,
  searchItems,
  transitionItem,
  updateItemDetails as patchItemDetails,
  uploadEvidence as postEvidence,
  withdrawItem as postWithdraw,
} from '../../api/rectify-api';

/** The filters and page of GET /api/items (all optional). */
export type ItemQuery = Parameters<typeof searchItems>[0];

/**
 * An item as the item page shows it: the detail with its light, report year, working days,
 * the actions allowed now and, per evidence file, whether the user may delete it.
 */
export type LoadedItem = ItemDetailResponse;

/** The query without empty values: the API reads `q=` as a search for nothing. */
function withoutBlanks<T extends object>(query: T): T {
  return Object.fromEntries(
    Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as T;
}

export const fetchItems = (query: ItemQuery): Promise<ItemPageResponse> => searchItems(withoutBlanks(query));

/** GET /api/items/:id. Throws ApiError (404 when the item is gone or out of the user's scope). */
export const loadItem = (id: string): Promise<LoadedItem> => getItem({ id });

export interface TransitionRequest {
  itemId: string;
  event: RectificationEventType;
  payload: Record<string, unknown>;
  expectedVersion: number;
}

/** The request body of one event, as the contract types it (a union told apart by `event`). */
type TransitionBody = Parameters<typeof transitionItem>[0]['body'];

/**
 * POST /api/items/:id/transitions. The payload comes from the event's form (event-form.ts
 * builds it by the event's payload kind); the server checks it against the event and says in
 * Chinese what is missing.
 */
export const sendTransition = ({ itemId, event, payload, expectedVersion }: TransitionRequest) =>
  transitionItem({ id: itemId, body: { event, payload, expectedVersion } as TransitionBody });

export const sendBulkTransition = (body: {
  itemIds: string[];
  event: RectificationEventType;
  payload: Record<string, unknown>;
}): Promise<BulkTransitionResponse> => bulkTransitionItems({ bulkTransitionDto: body });

export const addProgressNote = (itemId: string, note: string, expectedVersion: number) =>
  addItemNote({ id: itemId, progressNoteDto: { note, expectedVersion } });

/** PATCH /api/items/:id: title and detail only when they changed (the history keeps the old text). */
export const updateItemDetails = (
  itemId: string,
  body: {
    title?: string;
    detail?: string;
    source: ItemSource;
    responsibleLeader: string | null;
    expectedVersion: number;
  },
) => patchItemDetails({ id: itemId, updateItemDetailsDto: body });

/**
 * POST /api/items: items that do not come from a report (上级点评、巡视巡察反馈、群众评议、其他),
 * one per line of `list`. Throws ApiError: 400 with the server's Chinese message for limits,
 * 403 for a user who may not create them, 404 for an organisation out of scope.
 */
export const createItems = (body: CreateItemsDto): Promise<CreatedItemsResponse> =>
  postItems({ createItemsDto: body });

/** multipart: the file in `file`, an optional description in `text`. */
export const uploadEvidence = (itemId: string, file: File, text: string) =>
  postEvidence({ id: itemId, body: text ? { file, text } : { file } });

export const deleteEvidence = (itemId: string, evidenceId: string) =>
  deleteEvidenceFile({ id: itemId, evidenceId });

/** Hands the file to the browser as a download, under its own name. */
export const downloadEvidence = (itemId: string, ev: ItemEvidenceResponse): Promise<void> =>
  api.download(`/items/${itemId}/evidence/${ev.id}`, undefined, ev.fileName ?? '整改佐证');

/** The evidence file's bytes, through the same authorised endpoint as the download. */
export const fetchEvidenceFile = (itemId: string, evidenceId: string): Promise<Blob> =>
  api.blob(`/items/${itemId}/evidence/${evidenceId}`);

/** POST /api/items/:id/withdraw (撤销, with the reason); 403 for the item's own secretary. */
export const withdrawItem = (itemId: string, reason: string, version: number) =>
  postWithdraw({ id: itemId, withdrawItemDto: { reason, version } });

/** POST /api/items/:id/restore (恢复, with an optional note). */
export const restoreItem = (itemId: string, note: string | undefined, version: number) =>
  postRestore({ id: itemId, restoreItemDto: { note, version } });

/**
 * GET /api/items/export: every item matching the list's filters (all pages) as an .xlsx the
 * browser saves. Throws ApiError: 422 EXPORT_TOO_LARGE past the server's row limit, with the
 * Chinese message saying how to narrow the filters.
 */
export const downloadItemsXlsx = (query: ItemQuery): Promise<void> => {
  const filters: Record<string, string | number | boolean | undefined> = { ...withoutBlanks(query) };
  delete filters.page;
  delete filters.pageSize;
  return api.download('/items/export', filters, '整改事项清单.xlsx');
};
