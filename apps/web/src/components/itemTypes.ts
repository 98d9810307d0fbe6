import { type EventType, type ItemSource, type ItemStatus, type Light } from './labels';

/** A row of GET /api/items. */
export interface ItemRow {
  id: string;
  organisationId: string;
  organisationName: string;
  reportYear: number;
  seq: number;
  title: string;
  status: ItemStatus;
  source: ItemSource;
  deadline: string | null;
  overdue: boolean;
  recurring: boolean;
  version: number;
  light: Light;
  workdaysLeft: number | null;
  workdaysOverdue: number | null;
}

export interface ItemPage {
  items: ItemRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Measure {
  seq: number;
  title: string;
  responsible: string | null;
  deadline: string | null;
}

export interface Evidence {
  id: string;
  text: string;
  fileName: string | null;
  /** Who uploaded it; they (or an administrator) may delete it before sign-off. */
  createdBy?: string | null;
  createdAt: string;
}

export interface HistoryLine {
  seq: number;
  event: string;
  actorId: string;
  actorName?: string | null;
  actorRole: string;
  fromStatus: ItemStatus | null;
  toStatus: ItemStatus | null;
  payload: Record<string, unknown> | null;
  at: string;
}

export interface RelatedItem {
  itemId: string;
  year: number;
  title: string;
  status: ItemStatus;
  score: number;
}

export interface PendingExtension {
  newDeadline?: string;
  reason?: string;
  [key: string]: unknown;
}

/** GET /api/items/:id. */
export interface ItemDetail {
  id: string;
  organisationId: string;
  organisationName: string;
  reportId: string | null;
  reportYear?: number;
  seq: number;
  title: string;
  detail: string | null;
  source: ItemSource;
  status: ItemStatus;
  deadline: string | null;
  reviewIntervalDays: number | null;
  pendingExtension: PendingExtension | null;
  version: number;
  responsibleLeader: string | null;
  light?: Light;
  workdaysLeft?: number | null;
  workdaysOverdue?: number | null;
  measures: Measure[];
  evidence: Evidence[];
  history: HistoryLine[];
  recurrence: { repeats: RelatedItem[]; repeatedBy: RelatedItem[] } | null;
}

export interface EventsAllowed {
  events: EventType[];
}
