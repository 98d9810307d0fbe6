import { type RectificationStatus } from './rectification-status';
import { type WorkflowActor } from './workflow-actor';

/** A measure as the machine needs to see it: who is responsible and by when. */
export interface MeasurePlan {
  title: string;
  /** 责任人 as shown: the picked person's display name, or free text for someone without an account. */
  responsible: string;
  /** The person picked as 责任人 (uuid), who must belong to the item's organisation; absent for free text. */
  responsibleUserId?: string | null;
  /** ISO date (YYYY-MM-DD). */
  deadline: string;
}

/**
 * The shapes an event's payload can take, by kind. Several events share a kind (退回, 不同意延期
 * and 重新整改 all carry a reason), so the payload's rules, its schema in the API, its form and
 * its line in the history are written once per kind, and a new event of a known kind needs only
 * its profile below.
 */
export interface EventPayloads {
  /** 制定整改措施: the whole plan; the item's deadline is its latest measure's. */
  measures: { measures: MeasurePlan[] };
  /** 提交销号申请: how the problem was fixed, and the evidence files attached to the item. */
  completion: { evidence: string; evidenceFileIds?: string[] };
  /** An approval's optional comment (审核意见). */
  comment: { comment?: string };
  /** Why (理由、原因): required. */
  reason: { reason: string };
  /** 同意长期坚持整改: how often (days, 1–366) the owner reports, and why. */
  long_term: { reviewIntervalDays: number; reason: string };
  /** 申请延期: the new deadline (YYYY-MM-DD, after the current one) and why. */
  extension_request: { newDeadline: string; reason: string };
  /** A progress report (进展): required. */
  note: { note: string };
}

export type PayloadKind = keyof EventPayloads;

export const PAYLOAD_KINDS: readonly PayloadKind[] = [
  'measures',
  'completion',
  'comment',
  'reason',
  'long_term',
  'extension_request',
  'note',
];

/** Payload kinds whose main text is required; their profile says what it is called. */
type TextKind = Exclude<PayloadKind, 'measures' | 'comment'>;

/**
 * Who may send an event, by relation to the item: its own organisation's secretary, a
 * supervisor of an ancestor organisation, an administrator, or the system (the worker).
 */
export type EventSender = 'own_secretary' | 'ancestor_supervisor' | 'admin' | 'system';

interface ProfileBase {
  /** Its Chinese name on buttons, in dialogs and in the history. */
  label: string;
  /** What to tell the sender once it is done (a sentence of its own per event, never 已完成). */
  done: string;
  /**
   * How the event reads on an item in one of these statuses when it means something else there:
   * 制定整改措施 on an item whose measures are set adjusts them (调整整改措施).
   */
  inStatus?: Partial<Record<RectificationStatus, { label: string; done: string }>>;
  /** Who may send it (access follows from this; see event-permissions.ts). */
  senders: readonly EventSender[];
  /**
   * Its part in an extension request (延期申请): 'request' needs none waiting, 'decision' needs
   * one waiting and decides it (so it does not count as dropping it).
   */
  extension?: 'request' | 'decision';
}

/**
 * What the product knows of one lifecycle event. For a payload with a required text, `text`
 * names that field in the form (`label`) and says what to do when it is empty (`missing`, a
 * whole Chinese sentence); `suggested` pre-fills an optional comment.
 */
export type EventProfile = ProfileBase &
  (
    | { payload: TextKind; text: { label: string; missing: string } }
    | { payload: 'measures'; text?: never }
    | { payload: 'comment'; text: { label: string; suggested: string } }
  );

/**
 * The events of a rectification item's lifecycle (整改事项的操作), one profile each. Adding an
 * event starts here; the machine then says where it leads from which state.
 */
export const EVENT_PROFILES = {
  SET_MEASURES: {
    label: '制定整改措施',
    done: '已制定整改措施',
    inStatus: { measures_set: { label: '调整整改措施', done: '已调整整改措施' } },
    senders: ['own_secretary', 'admin'],
    payload: 'measures',
  },
  SUBMIT_COMPLETION: {
    label: '提交销号申请',
    done: '已提交销号申请，等待上级党组织审核',
    senders: ['own_secretary', 'admin'],
    payload: 'completion',
    text: { label: '整改完成情况（整改佐证）', missing: '提交销号申请时请说明整改完成情况（整改佐证）。' },
  },
  APPROVE_COMPLETION: {
    label: '审核销号',
    done: '已审核销号',
    senders: ['ancestor_supervisor', 'admin'],
    payload: 'comment',
    text: { label: '审核意见（可选）', suggested: '同意销号' },
  },
  RETURN_FOR_REWORK: {
    label: '退回整改',
    done: '已退回整改',
    senders: ['ancestor_supervisor', 'admin'],
    payload: 'reason',
    text: { label: '退回原因', missing: '退回时请填写退回原因。' },
  },
  APPROVE_LONG_TERM: {
    label: '同意长期坚持整改',
    done: '已同意长期坚持整改',
    senders: ['ancestor_supervisor', 'admin'],
    payload: 'long_term',
    text: { label: '同意长期坚持整改的理由', missing: '同意长期坚持整改时请说明理由。' },
  },
  RECORD_LONG_TERM_REVIEW: {
    label: '报告长期整改进展',
    done: '已报告长期整改进展',
    senders: ['own_secretary', 'admin'],
    payload: 'note',
    text: { label: '本期整改进展', missing: '请填写本期整改进展。' },
  },
  REQUEST_EXTENSION: {
    label: '申请延期',
    done: '已申请延期，等待上级党组织审核',
    senders: ['own_secretary'],
    payload: 'extension_request',
    extension: 'request',
    text: { label: '申请延期的理由', missing: '申请延期时请说明理由。' },
  },
  APPROVE_EXTENSION: {
    label: '同意延期',
    done: '已同意延期',
    senders: ['ancestor_supervisor', 'admin'],
    payload: 'comment',
    extension: 'decision',
    text: { label: '审核意见（可选）', suggested: '同意延期' },
  },
  REJECT_EXTENSION: {
    label: '不同意延期',
    done: '已驳回延期申请',
    senders: ['ancestor_supervisor', 'admin'],
    payload: 'reason',
    extension: 'decision',
    text: { label: '不同意延期的理由', missing: '不同意延期时请填写理由。' },
  },
  REOPEN: {
    label: '重新整改',
    done: '已要求重新整改',
    senders: ['ancestor_supervisor', 'admin', 'system'],
    payload: 'reason',
    text: { label: '重新整改的原因', missing: '重新整改时请填写原因。' },
  },
  ADD_PROGRESS_NOTE: {
    label: '记录整改进展',
    done: '已记录整改进展',
    senders: ['own_secretary', 'ancestor_supervisor', 'admin'],
    payload: 'note',
    text: { label: '整改进展', missing: '请填写进展内容。' },
  },
} as const satisfies Record<string, EventProfile>;

export type RectificationEventType = keyof typeof EVENT_PROFILES;

/** The payload kind of each event, as a type. */
export type PayloadKindOf<T extends RectificationEventType> = (typeof EVENT_PROFILES)[T]['payload'];

/**
 * One event as sent to the machine: its type, who sends it, and its kind's payload fields.
 * Payloads are validated by event-payload-rules.ts (the machine's guards).
 */
export type RectificationEvent = {
  [T in RectificationEventType]: { type: T; actor: WorkflowActor } & EventPayloads[PayloadKindOf<T>];
}[RectificationEventType];

/** Every event, in the order clients list them. */
export const RECTIFICATION_EVENT_TYPES = Object.keys(EVENT_PROFILES) as readonly RectificationEventType[];

/** An event's profile, widened for code that reads any event (payload kind, text, senders). */
export const eventProfile = (type: RectificationEventType): EventProfile => EVENT_PROFILES[type];

/** An event's payload fields viewed as its kind's shape (the caller has checked the kind). */
export const payloadAs = <K extends PayloadKind>(event: RectificationEvent, _kind: K): EventPayloads[K] =>
  event as unknown as EventPayloads[K];

export const RECTIFICATION_EVENT_LABELS = Object.fromEntries(
  RECTIFICATION_EVENT_TYPES.map((t) => [t, EVENT_PROFILES[t].label]),
) as Record<RectificationEventType, string>;

/** An event's name on an item in `status` (调整整改措施 where the measures are set already). */
export function eventLabelIn(type: RectificationEventType, status: RectificationStatus): string {
  return eventProfile(type).inStatus?.[status]?.label ?? EVENT_PROFILES[type].label;
}

/** What to tell the sender after the event was applied to an item that was in `status`. */
export function eventDoneIn(type: RectificationEventType, status: RectificationStatus): string {
  return eventProfile(type).inStatus?.[status]?.done ?? EVENT_PROFILES[type].done;
}
