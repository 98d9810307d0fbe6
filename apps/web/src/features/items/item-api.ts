import { api } from '../../api/client';
import {
  addItemNote,
  bulkTransitionItems,
  type BulkTransitionResponse,
  deleteEvidence as deleteEvidenceFile,
  getItem,
  getItemEvents,
  type ItemAction,
  type ItemDetailResponse,
  type ItemEvidenceResponse,
  type ItemListEntryResponse,
  type ItemPageResponse,
  type ItemSource,
  type RectificationEventType,
  searchItems,
  transitionItem,
  updateItemDetails as patchItemDetails,
  uploadEvidence as postEvidence,
} from '../../api/rectify-api';
import { fallbackActions } from './allowed-actions';

/** The filters and page of GET /api/items (all optional). */
export type ItemQuery = Parameters<typeof searchItems>[0];

/**
 * An item's detail with the actions the user may take now (always present here). `reportYear`
 * is not in the detail's contract yet: the list row supplies it (see useItem).
 */
export type LoadedItem = ItemDetailResponse & { allowedActions: ItemAction[]; reportYear?: number | null };

/** The query without empty values: the API reads `q=` as a search for nothing. */
function withoutBlanks<T extends object>(query: T): T {
  return Object.fromEntries(
    Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as T;
}

export const fetchItems = (query: ItemQuery): Promise<ItemPageResponse> => searchItems(withoutBlanks(query));

export const fetchItemEvents = async (id: string): Promise<RectificationEventType[]> =>
  (await getItemEvents({ id })).events;

/**
 * GET /api/items/:id with its allowed actions. `role` is the user's, for servers that do not
 * send the actions yet. Throws ApiError (404 when the item is gone or out of the user's scope).
 */
export async function loadItem(id: string, role: string | undefined): Promise<LoadedItem> {
  const detail = await getItem({ id });
  if (detail.allowedActions) return { ...detail, allowedActions: detail.allowedActions };
  // TODO(issue15): remove fallback
  const events = await fetchItemEvents(id);
  return { ...detail, allowedActions: fallbackActions(events, role, detail.status) };
}

/**
 * The list row of an item (its light, year and working days), for a detail that does not carry
 * them: found through a filtered list call; null when it is not found.
 */
// TODO(issue15): remove fallback
export async function loadItemRow(item: ItemDetailResponse): Promise<ItemListEntryResponse | null> {
  try {
    const page = await fetchItems({
      organisationId: item.organisationId,
      q: item.title.slice(0, 100),
      pageSize: 200,
    });
    return page.items.find((r) => r.id === item.id) ?? null;
  } catch {
    return null;
  }
}

export interface TransitionRequest {
  itemId: string;
  event: RectificationEventType;
  payload: Record<string, unknown>;
  expectedVersion: number;
}

/** POST /api/items/:id/transitions: the payload is checked by the server against the event. */
export const sendTransition = ({ itemId, event, payload, expectedVersion }: TransitionRequest) =>
  transitionItem({
    id: itemId,
    transitionRequestDto: { event, payload, expectedVersion },
  });

export const sendBulkTransition = (body: {
  itemIds: string[];
  event: RectificationEventType;
  payload: Record<string, unknown>;
}): Promise<BulkTransitionResponse> => bulkTransitionItems({ bulkTransitionDto: body });

export const addProgressNote = (itemId: string, note: string, expectedVersion: number) =>
  addItemNote({ id: itemId, progressNoteDto: { note, expectedVersion } });

export const updateItemDetails = (
  itemId: string,
  body: { source: ItemSource; responsibleLeader: string | null; expectedVersion: number },
) => patchItemDetails({ id: itemId, updateItemDetailsDto: body });

/** multipart: the file in `file`, an optional description in `text`. */
export const uploadEvidence = (itemId: string, file: File, text: string) =>
  postEvidence({ id: itemId, body: text ? { file, text } : { file } });

export const deleteEvidence = (itemId: string, evidenceId: string) =>
  deleteEvidenceFile({ id: itemId, evidenceId });

/** Hands the file to the browser as a download, under its own name. */
export const downloadEvidence = (itemId: string, ev: ItemEvidenceResponse): Promise<void> =>
  api.download(`/items/${itemId}/evidence/${ev.id}`, undefined, ev.fileName ?? '整改佐证');
