import { type QueryClient } from '@tanstack/react-query';

/**
 * Cache keys of item data. Everything about items starts with 'items'; the organisation views
 * computed from items (summary, trend, ledger) start with 'organisations', so one change to an
 * item marks both stale.
 */
export const itemKeys = {
  all: ['items'] as const,
  list: (query: object) => ['items', 'list', query] as const,
  /** The detail, with the actions allowed now (see loadItem). */
  detail: (id: string) => ['items', 'detail', id] as const,
  /**
   * An evidence file's bytes (pictures shown as thumbnails): outside 'items' on purpose, since a
   * stored file never changes and a change to its item need not fetch it again.
   */
  evidenceFile: (id: string, evidenceId: string) => ['evidence-file', id, evidenceId] as const,
};

/** After any change to an item: lists, details and the organisation views reload when shown. */
export function invalidateItemData(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: itemKeys.all }),
    queryClient.invalidateQueries({ queryKey: ['organisations'] }),
  ]);
}
