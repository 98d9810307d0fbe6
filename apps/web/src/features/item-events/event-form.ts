import dayjs, { type Dayjs } from 'dayjs';
import { type ItemDetailResponse } from '../../api/rectify-api';
import {
  type PayloadKind,
  RECTIFICATION_EVENT_PROFILES,
  type RectificationEventType,
} from '../../api/generated/vocabulary';

/** One measure row as the form holds it (the date as a Dayjs). */
export interface MeasureRow {
  title?: string;
  responsible?: string;
  /** The person picked from the organisation's people; null or absent when typed by hand. */
  responsibleUserId?: string | null;
  deadline?: Dayjs | null;
}

/** Every field any event's form may have; each payload kind uses its own few. */
export interface EventFormValues {
  measures?: MeasureRow[];
  evidence?: string;
  reason?: string;
  comment?: string;
  note?: string;
  reviewIntervalDays?: number;
  newDeadline?: Dayjs | null;
}

/** Dates travel as YYYY-MM-DD. */
export const DATE = 'YYYY-MM-DD';

/** The payload kind an event's form and history line follow (see the server's event profiles). */
export const payloadKindOf = (event: RectificationEventType): PayloadKind =>
  RECTIFICATION_EVENT_PROFILES[event].payload;

const text = (value: string | undefined) => (value ?? '').trim();

/** The event payload the API expects, from the form's values (texts trimmed, dates formatted). */
export function toPayload(event: RectificationEventType, v: EventFormValues): Record<string, unknown> {
  const kind = payloadKindOf(event);
  switch (kind) {
    case 'measures':
      return {
        measures: (v.measures ?? []).map((m) => ({
          title: text(m.title),
          responsible: text(m.responsible),
          ...(m.responsibleUserId ? { responsibleUserId: m.responsibleUserId } : {}),
          deadline: m.deadline ? m.deadline.format(DATE) : '',
        })),
      };
    case 'completion':
      return { evidence: text(v.evidence) };
    case 'reason':
      return { reason: text(v.reason) };
    case 'long_term':
      return { reviewIntervalDays: v.reviewIntervalDays, reason: text(v.reason) };
    case 'extension_request':
      return { newDeadline: v.newDeadline ? v.newDeadline.format(DATE) : '', reason: text(v.reason) };
    case 'comment':
      return text(v.comment) ? { comment: text(v.comment) } : {};
    case 'note':
      return { note: text(v.note) };
    default:
      return unknownKind(kind);
  }
}

/** The web's type check fails here when the server adds a payload kind the forms do not know. */
export function unknownKind(kind: never): never {
  throw new Error(`unknown payload kind ${String(kind)}`);
}

/** What the form starts with: the current measures (or one empty row), usual answers filled in. */
export function initialValues(event: RectificationEventType, item: ItemDetailResponse): EventFormValues {
  const profile = RECTIFICATION_EVENT_PROFILES[event];
  if (profile.payload === 'measures') {
    const rows = item.measures.map((m) => ({
      title: m.title,
      responsible: m.responsible ?? '',
      responsibleUserId: m.responsibleUserId ?? null,
      deadline: m.deadline ? dayjs(m.deadline) : null,
    }));
    return {
      measures: rows.length
        ? rows
        : [{ title: '', responsible: '', responsibleUserId: null, deadline: null }],
    };
  }
  if (profile.payload === 'long_term') return { reviewIntervalDays: item.reviewIntervalDays ?? 90 };
  if (profile.payload === 'comment' && profile.text?.suggested) return { comment: profile.text.suggested };
  return {};
}
