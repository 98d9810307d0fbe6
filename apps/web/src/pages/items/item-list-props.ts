import { type ReactNode } from 'react';
import { type ItemListEntryResponse } from '../../api/rectify-api';

/** What the list shows, as a table (ItemsTable) or as cards (ItemCards). */
export interface ItemListProps {
  rows: ItemListEntryResponse[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  /** Shown when there are no rows. */
  empty: ReactNode;
  /** The row's action buttons. */
  actionsFor(row: ItemListEntryResponse): ReactNode;
  onPage(page: number, pageSize: number): void;
}
