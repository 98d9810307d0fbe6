import dayjs, { type Dayjs } from 'dayjs';
import { type ItemDetailResponse } from '../../api/rectify-api';
import { type RectificationEventType } from '../../api/generated/vocabulary';

/** One measure row as the form holds it (the date as a Dayjs). */
export interface MeasureRow {
  title?: string;
  responsible?: string;
  deadline?: Dayjs | null;
}

/** Every field any event's form may have; each event uses its own few. */
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

/** The event payload the API expects, from the form's values (texts trimmed, dates formatted). */
export function toPayload(event: RectificationEventType, v: EventFormValues): Record<string, unknown> {
  switch (event) {
    case 'SET_MEASURES':
      return {
        measures: (v.measures ?? []).map((m) => ({
          title: (m.title ?? '').trim(),
          responsible: (m.responsible ?? '').trim(),
          deadline: m.deadline ? m.deadline.format(DATE) : '',
        })),
      };
    case 'SUBMIT_COMPLETION':
      return { evidence: (v.evidence ?? '').trim() };
    case 'RETURN_FOR_REWORK':
    case 'REJECT_EXTENSION':
    case 'REOPEN':
      return { reason: (v.reason ?? '').trim() };
    case 'APPROVE_LONG_TERM':
      return { reviewIntervalDays: v.reviewIntervalDays, reason: (v.reason ?? '').trim() };
    case 'REQUEST_EXTENSION':
      return {
        newDeadline: v.newDeadline ? v.newDeadline.format(DATE) : '',
        reason: (v.reason ?? '').trim(),
      };
    case 'APPROVE_COMPLETION':
    case 'APPROVE_EXTENSION':
      return v.comment?.trim() ? { comment: v.comment.trim() } : {};
    case 'ADD_PROGRESS_NOTE':
    case 'RECORD_LONG_TERM_REVIEW':
      return { note: (v.note ?? '').trim() };
  }
}

/** What the form starts with: the current measures (or one empty row), usual answers filled in. */
export function initialValues(event: RectificationEventType, item: ItemDetailResponse): EventFormValues {
  if (event === 'SET_MEASURES') {
    const rows = item.measures.map((m) => ({
      title: m.title,
      responsible: m.responsible ?? '',
      deadline: m.deadline ? dayjs(m.deadline) : null,
    }));
    return { measures: rows.length ? rows : [{ title: '', responsible: '', deadline: null }] };
  }
  if (event === 'APPROVE_LONG_TERM') return { reviewIntervalDays: item.reviewIntervalDays ?? 90 };
  if (event === 'APPROVE_COMPLETION') return { comment: '同意销号' };
  if (event === 'APPROVE_EXTENSION') return { comment: '同意延期' };
  return {};
}
