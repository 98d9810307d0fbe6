import { dayProblem, isDayInWindow } from '@rectify/domain/calendar/date-window';
import {
  type EventPayloads,
  type MeasurePlan,
  type PayloadKind,
  type RectificationEvent,
  type RectificationEventType,
  eventProfile,
  payloadAs,
} from './rectification-events';
import { type RectificationContext } from './rectification-context';

/**
 * What an event must carry, and what the item must be like, for the event to make sense.
 * Rules are written per payload kind (rectification-events.ts), with each event's own wording
 * from its profile. Each returns null when satisfied, else a Chinese sentence saying what to
 * fix. The machine's guards and the transition service's error messages share these rules.
 */

/** An existing YYYY-MM-DD day inside the product's date window (DATE_WINDOW, 1990–2100). */
export function isIsoDate(value: unknown): value is string {
  return isDayInWindow(value);
}

const filled = (value: unknown) => typeof value === 'string' && value.trim().length > 0;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A picked 责任人 is a person's id (uuid); absent or null means free text. */
const pickedOrNone = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && UUID.test(value));

/**
 * A plan needs at least one measure, each with a title, a responsible person (named; optionally
 * picked by id, whose membership of the organisation the transition checks) and a day.
 */
export function measuresProblem(payload: EventPayloads['measures']): string | null {
  if (!Array.isArray(payload.measures) || payload.measures.length === 0) return '请至少制定一条整改措施。';
  const index = payload.measures.findIndex((m) => !filled(m?.title) || !filled(m?.responsible));
  if (index >= 0) return `第${index + 1}条整改措施缺少内容或责任人。`;
  const badPick = payload.measures.findIndex((m) => !pickedOrNone(m.responsibleUserId));
  if (badPick >= 0) return `第${badPick + 1}条整改措施的责任人无效：请从本组织人员中选择，或直接填写姓名。`;
  for (const [i, m] of payload.measures.entries()) {
    const problem = dayProblem(m.deadline, `第${i + 1}条整改措施的完成时限`);
    if (problem) return problem;
  }
  return null;
}

/**
 * The fields each payload kind carries (EventPayloads), and a measure's (MeasurePlan). An event
 * with any other is refused rather than stored in its history line with the other field unread:
 * a client that sends 制定整改措施 with a `deadline` must learn that the item's deadline is its
 * latest measure's, not find the field dropped.
 */
const PAYLOAD_FIELDS: { [K in PayloadKind]: readonly (keyof EventPayloads[K] & string)[] } = {
  measures: ['measures'],
  completion: ['evidence', 'evidenceFileIds'],
  comment: ['comment'],
  reason: ['reason'],
  long_term: ['reviewIntervalDays', 'reason'],
  extension_request: ['newDeadline', 'reason'],
  note: ['note'],
};
const MEASURE_FIELDS: readonly (keyof MeasurePlan)[] = [
  'title',
  'responsible',
  'responsibleUserId',
  'deadline',
];
// An event is its payload's fields beside these two (RectificationEvent).
const EVENT_FIELDS = ['type', 'actor'];

const unknownFields = (value: object, known: readonly string[]) =>
  Object.keys(value).filter((key) => !known.includes(key));

const fieldsHint = (unknown: string[], known: readonly string[]) =>
  `${unknown.join('、')}：请删除${unknown.length > 1 ? '这些字段' : '该字段'}（可填写的字段：${known.join('、')}）。`;

/**
 * Null when the event carries only its payload kind's fields (and each measure only a
 * measure's), else a Chinese sentence naming the others and the fields it takes.
 */
export function unknownFieldsProblem(event: RectificationEvent): string | null {
  const { payload: kind, label } = eventProfile(event.type);
  const known = PAYLOAD_FIELDS[kind];
  const extra = unknownFields(event, [...EVENT_FIELDS, ...known]);
  if (extra.length > 0) return `"${label}"不需要填写 ${fieldsHint(extra, known)}`;
  if (kind !== 'measures') return null;
  const { measures } = payloadAs(event, 'measures');
  if (!Array.isArray(measures)) return null;
  for (const [i, measure] of measures.entries()) {
    if (typeof measure !== 'object' || measure === null) continue;
    const extraInMeasure = unknownFields(measure, MEASURE_FIELDS);
    if (extraInMeasure.length > 0) {
      return `第${i + 1}条整改措施不需要填写 ${fieldsHint(extraInMeasure, MEASURE_FIELDS)}`;
    }
  }
  return null;
}

const NO_PENDING_EXTENSION = '当前没有等待审核的延期申请。';
const EXTENSION_WAITING = '已有一项延期申请等待审核，请等待上级党组织处理后再申请。';

export function payloadProblem(event: RectificationEvent, context: RectificationContext): string | null {
  const profile = eventProfile(event.type);
  const unknown = unknownFieldsProblem(event);
  if (unknown) return unknown;
  if (profile.extension === 'request' && context.pendingExtension) return EXTENSION_WAITING;
  if (profile.extension === 'decision' && !context.pendingExtension) return NO_PENDING_EXTENSION;
  switch (profile.payload) {
    case 'measures':
      return measuresProblem(payloadAs(event, 'measures'));
    case 'completion':
      return filled(payloadAs(event, 'completion').evidence) ? null : profile.text.missing;
    case 'comment':
      return null;
    case 'reason':
      return filled(payloadAs(event, 'reason').reason) ? null : profile.text.missing;
    case 'note':
      return filled(payloadAs(event, 'note').note) ? null : profile.text.missing;
    case 'long_term': {
      const { reviewIntervalDays, reason } = payloadAs(event, 'long_term');
      if (!Number.isInteger(reviewIntervalDays) || reviewIntervalDays < 1 || reviewIntervalDays > 366) {
        return `${profile.label}时请设定定期报告间隔（1至366天）。`;
      }
      return filled(reason) ? null : profile.text.missing;
    }
    case 'extension_request': {
      const { newDeadline, reason } = payloadAs(event, 'extension_request');
      if (!isIsoDate(newDeadline)) return dayProblem(newDeadline, '新的完成时限');
      if (context.deadline && newDeadline <= context.deadline) {
        return `新的完成时限必须晚于当前时限 ${context.deadline}。`;
      }
      return filled(reason) ? null : profile.text.missing;
    }
  }
}

/** Whether the item's own situation allows the event, whatever its payload. */
export function contextAllows(type: RectificationEventType, context: RectificationContext): boolean {
  const { extension } = eventProfile(type);
  if (extension === 'request') return context.pendingExtension === null;
  if (extension === 'decision') return context.pendingExtension !== null;
  return true;
}
