import {
  maskRobotWebhook,
  type NotificationKind,
  type QuietHours,
  ROBOT_PLATFORM_LABELS,
  type RobotPlatform,
} from '@rectify/domain';
import { type OrganisationRobotRecord, type RobotDeliveryCounts } from '@rectify/persistence';

/**
 * A group robot as its administrator sees it again: the webhook with its credential masked and
 * whether a secret is set, never the secret or the full address.
 */
export interface OrganisationRobotView {
  platform: RobotPlatform;
  /** 企业微信 / 钉钉 / 飞书. */
  platformLabel: string;
  /** maskRobotWebhook of the stored address. */
  webhook: string;
  secretSet: boolean;
  kinds: NotificationKind[];
  quietHours: QuietHours | null;
  enabled: boolean;
  /** ISO instants, null when never. */
  lastSentAt: string | null;
  failedAt: string | null;
  /** Why sending stopped (Chinese, with what to do), while the failure stands. */
  lastError: string | null;
  /** Its notification rows of the last 30 days by status. */
  recentDeliveries: RobotDeliveryCounts;
}

const NO_DELIVERIES: RobotDeliveryCounts = { pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0 };

/** The administrator's view of a stored robot (see OrganisationRobotView). */
export function robotView(
  robot: OrganisationRobotRecord,
  recentDeliveries: RobotDeliveryCounts = NO_DELIVERIES,
): OrganisationRobotView {
  return {
    platform: robot.platform,
    platformLabel: ROBOT_PLATFORM_LABELS[robot.platform],
    webhook: maskRobotWebhook(robot.webhookUrl),
    secretSet: robot.secret !== null,
    kinds: robot.kinds,
    quietHours: robot.quietHours,
    enabled: robot.enabled,
    lastSentAt: robot.lastSentAt,
    failedAt: robot.failedAt,
    lastError: robot.lastError,
    recentDeliveries: { ...recentDeliveries },
  };
}
