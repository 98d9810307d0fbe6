import { type NotificationKind, type QuietHours, type RobotPlatform } from '@rectify/domain';

/** What an administrator sets on one group robot (群机器人) of an organisation. */
export interface RobotSettings {
  webhookUrl: string;
  /** 加签/签名校验 secret; null when the robot does not sign. */
  secret: string | null;
  kinds: NotificationKind[];
  /** 免打扰时段 (Beijing time); null for none. */
  quietHours: QuietHours | null;
  enabled: boolean;
}

/** One group robot as stored, with what the worker recorded of its sending. */
export interface OrganisationRobotRecord extends RobotSettings {
  id: string;
  organisationId: string;
  platform: RobotPlatform;
  /** ISO instants, null when never. */
  lastSentAt: string | null;
  failedAt: string | null;
  /** The Chinese reason of the last permanent failure (what the administrator should do). */
  lastError: string | null;
  updatedAt: string;
}

/** Delivery status of a robot's notification rows. */
export type RobotDeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

/** How many of a robot's notification rows of the last 30 days are in each status. */
export type RobotDeliveryCounts = Record<RobotDeliveryStatus, number>;

/** A robot with its counts. */
export interface OrganisationRobotOverview extends OrganisationRobotRecord {
  recentDeliveries: RobotDeliveryCounts;
}

/** One notification row of an organisation's robots, as its administrator reviews it. */
export interface RobotDeliveryRecord {
  /** bigint as text. */
  id: string;
  platform: RobotPlatform;
  kind: NotificationKind;
  itemId: string;
  headline: string;
  status: RobotDeliveryStatus;
  /** Why it failed or was skipped (Chinese), null otherwise. */
  error: string | null;
  attempts: number;
  /** ISO instants. */
  createdAt: string;
  sentAt: string | null;
}

/** What became of removing a robot. */
export type RemoveRobotOutcome = 'removed' | 'not_found' | 'has_deliveries';

/**
 * Each organisation's group robots (table `organisation_robot`, one per platform) and the
 * review of their deliveries. Every method takes the organisation: the caller has already
 * checked that the person administers it.
 */
export interface OrganisationRobotsRepository {
  /** The organisation's robots in platform order, each with its last 30 days' delivery counts. */
  list(organisationId: string): Promise<OrganisationRobotOverview[]>;
  find(organisationId: string, platform: RobotPlatform): Promise<OrganisationRobotRecord | null>;
  /**
   * Creates or replaces the settings of the organisation's robot on `platform`, and clears its
   * recorded failure (`failed_at`, `last_error`): the administrator has acted on it.
   */
  save(
    organisationId: string,
    platform: RobotPlatform,
    settings: RobotSettings,
    updatedBy: string | null,
  ): Promise<OrganisationRobotRecord>;
  /** Deletes the robot unless a notification row refers to it (then it can only be disabled). */
  remove(organisationId: string, platform: RobotPlatform): Promise<RemoveRobotOutcome>;
  /** The organisation's robots' notification rows, newest first, optionally of one status. */
  deliveries(
    organisationId: string,
    filter: { status: RobotDeliveryStatus | null; limit: number },
  ): Promise<RobotDeliveryRecord[]>;
}
