import {
  EVENT_NOTIFICATION_KINDS,
  type EventNotificationKind,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from './notification-kind';

/**
 * How a person wants event notifications by email (邮件通知方式): `immediate` (at once, what
 * happens within a minute folded into one email), `digest` (once a day at the digest time), or
 * `off`. 站内消息 are always on; the daily deadline digest (亮灯督办) is not a preference.
 */
export const EMAIL_MODES = ['immediate', 'digest', 'off'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

export const EMAIL_MODE_LABELS: Record<EmailMode, string> = {
  immediate: '即时发送',
  digest: '每日汇总一封',
  off: '不发邮件（只看站内消息）',
};

/** A person's notification preferences (通知设置). */
export interface NotificationPreferences {
  emailMode: EmailMode;
  /** The event kinds that go by email; the others only to 站内消息. */
  emailKinds: EventNotificationKind[];
}

/** What a person who never chose has: every event kind, by email at once. */
export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  emailMode: 'immediate',
  emailKinds: [...EVENT_NOTIFICATION_KINDS],
};

/** The kinds a new group robot carries until its administrator chooses: all of them. */
export const DEFAULT_ROBOT_KINDS: readonly NotificationKind[] = NOTIFICATION_KINDS;
