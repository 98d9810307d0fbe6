import { type ReminderKind } from '../reminders/reminder-plan';

/**
 * What a notification (通知) is about: a lifecycle event someone else caused, or one of the
 * deadline tiers of 亮灯督办 (the reminder kinds). One English name each; the Chinese in
 * NOTIFICATION_KIND_LABELS.
 */
export const EVENT_NOTIFICATION_KINDS = [
  'submitted',
  'returned',
  'signed_off',
  'long_term',
  'reopened',
  'extension_requested',
  'extension_approved',
  'extension_refused',
  'item_created',
  'supervision_comment',
] as const;

export type EventNotificationKind = (typeof EVENT_NOTIFICATION_KINDS)[number];

export type NotificationKind = EventNotificationKind | ReminderKind;

export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  ...EVENT_NOTIFICATION_KINDS,
  'approaching',
  'due',
  'overdue',
  'escalated',
  'review',
];

/** The Chinese name of each kind, as preferences and the notification centre list them. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  submitted: '提交销号申请（待审核）',
  returned: '被退回整改',
  signed_off: '已审核销号',
  long_term: '同意长期坚持整改',
  reopened: '要求重新整改',
  extension_requested: '申请延期（待审核）',
  extension_approved: '同意延期',
  extension_refused: '不同意延期',
  item_created: '上级新建整改事项',
  supervision_comment: '上级督办意见',
  approaching: '临近整改时限（黄灯）',
  due: '今日到期（黄灯）',
  overdue: '已逾期（红灯）',
  escalated: '逾期升级督办（红灯）',
  review: '长期整改定期复查',
};

/** 站内消息 in-app, email, and an organisation's group robot (群机器人). */
export const NOTIFICATION_CHANNELS = ['in_app', 'email', 'robot'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_CHANNEL_LABELS: Record<NotificationChannel, string> = {
  in_app: '站内消息',
  email: '电子邮件',
  robot: '群机器人',
};

/**
 * Who hears of an event: the item's owner and its organisation's people who work items
 * (`owner_and_secretaries`), or the supervisors who may decide (`supervisors`: those one level
 * up, or two levels up when the level above holds nobody who supervises).
 */
export type NotificationAudience = 'owner_and_secretaries' | 'secretaries' | 'supervisors';

export const EVENT_NOTIFICATION_AUDIENCE: Record<EventNotificationKind, NotificationAudience> = {
  submitted: 'supervisors',
  extension_requested: 'supervisors',
  returned: 'owner_and_secretaries',
  signed_off: 'owner_and_secretaries',
  long_term: 'owner_and_secretaries',
  reopened: 'owner_and_secretaries',
  extension_approved: 'owner_and_secretaries',
  extension_refused: 'owner_and_secretaries',
  supervision_comment: 'owner_and_secretaries',
  item_created: 'secretaries',
};

/** The history line's facts that decide whether it notifies. */
export interface HistoryLineFacts {
  /** The history event (a lifecycle event type, or IMPORT, CREATE …). */
  event: string;
  /** The capacity it was recorded in (the history's actor_role: secretary, supervisor, admin, system). */
  actorRole: string;
}

/**
 * The lifecycle events that always notify, by their names in the workflow (the domain does not
 * import it; libs/workflow's vocabulary test checks every name is one of its events).
 */
export const NOTIFYING_EVENTS: Readonly<Record<string, EventNotificationKind>> = {
  SUBMIT_COMPLETION: 'submitted',
  RETURN_FOR_REWORK: 'returned',
  APPROVE_COMPLETION: 'signed_off',
  APPROVE_LONG_TERM: 'long_term',
  REOPEN: 'reopened',
  REQUEST_EXTENSION: 'extension_requested',
  APPROVE_EXTENSION: 'extension_approved',
  REJECT_EXTENSION: 'extension_refused',
};

/**
 * The kind a history line notifies as, or null when it notifies nobody (an import, the
 * organisation's own notes and measures, ledger edits …). A note or a new item counts only when
 * it comes from above: a supervisor's note is a 督办意见, a supervisor's new item is 上级点评.
 */
export function notificationKindOf(line: HistoryLineFacts): EventNotificationKind | null {
  const fromAbove = line.actorRole === 'supervisor' || line.actorRole === 'admin';
  if (line.event === 'ADD_PROGRESS_NOTE') return fromAbove ? 'supervision_comment' : null;
  if (line.event === 'CREATE') return fromAbove ? 'item_created' : null;
  return NOTIFYING_EVENTS[line.event] ?? null;
}
