import { type NotificationKind, type RobotPlatform } from '@rectify/domain';
import { type DataSource } from 'typeorm';
import {
  type OrganisationRobotOverview,
  type OrganisationRobotRecord,
  type OrganisationRobotsRepository,
  type RemoveRobotOutcome,
  type RobotDeliveryCounts,
  type RobotDeliveryRecord,
  type RobotDeliveryStatus,
  type RobotSettings,
} from './organisation-robots.repository';

interface RobotRow {
  id: string;
  organisation_id: string;
  platform: RobotPlatform;
  webhook_url: string;
  secret: string | null;
  kinds: NotificationKind[];
  quiet_from: string | null;
  quiet_until: string | null;
  enabled: boolean;
  last_sent_at: Date | string | null;
  failed_at: Date | string | null;
  last_error: string | null;
  updated_at: Date | string;
}

const COLUMNS = `id, organisation_id, platform, webhook_url, secret, kinds, quiet_from, quiet_until,
  enabled, last_sent_at, failed_at, last_error, updated_at`;

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

const toRecord = (r: RobotRow): OrganisationRobotRecord => ({
  id: r.id,
  organisationId: r.organisation_id,
  platform: r.platform,
  webhookUrl: r.webhook_url,
  secret: r.secret,
  kinds: r.kinds,
  quietHours:
    r.quiet_from !== null && r.quiet_until !== null ? { from: r.quiet_from, until: r.quiet_until } : null,
  enabled: r.enabled,
  lastSentAt: iso(r.last_sent_at),
  failedAt: iso(r.failed_at),
  lastError: r.last_error,
  updatedAt: new Date(r.updated_at).toISOString(),
});

const STATUSES: readonly RobotDeliveryStatus[] = ['pending', 'sending', 'sent', 'failed', 'skipped'];

/** The platforms in the order ROBOT_PLATFORMS lists them. */
const PLATFORM_ORDER = `array_position(ARRAY['wecom', 'dingtalk', 'feishu'], platform)`;

/** OrganisationRobotsRepository on PostgreSQL (or PGlite). */
export class PgOrganisationRobotsRepository implements OrganisationRobotsRepository {
  constructor(private readonly db: DataSource) {}

  async list(organisationId: string): Promise<OrganisationRobotOverview[]> {
    const rows: (RobotRow & { counts: Record<string, string> | null })[] = await this.db.query(
      `SELECT ${COLUMNS},
              (SELECT json_object_agg(s.status, s.n) FROM (
                 SELECT n.status, count(*)::text AS n FROM notification n
                  WHERE n.robot_id = r.id AND n.created_at > now() - interval '30 days'
                  GROUP BY n.status) s) AS counts
         FROM organisation_robot r
        WHERE organisation_id = $1
        ORDER BY ${PLATFORM_ORDER}`,
      [organisationId],
    );
    return rows.map((row) => {
      const counts = Object.fromEntries(
        STATUSES.map((s) => [s, Number(row.counts?.[s] ?? 0)]),
      ) as RobotDeliveryCounts;
      return { ...toRecord(row), recentDeliveries: counts };
    });
  }

  async find(organisationId: string, platform: RobotPlatform): Promise<OrganisationRobotRecord | null> {
    const [row]: RobotRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM organisation_robot WHERE organisation_id = $1 AND platform = $2`,
      [organisationId, platform],
    );
    return row ? toRecord(row) : null;
  }

  async save(
    organisationId: string,
    platform: RobotPlatform,
    settings: RobotSettings,
    updatedBy: string | null,
  ): Promise<OrganisationRobotRecord> {
    const [row]: RobotRow[] = await this.db.query(
      `INSERT INTO organisation_robot
         (organisation_id, platform, webhook_url, secret, kinds, quiet_from, quiet_until, enabled, updated_by)
       VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9)
       ON CONFLICT (organisation_id, platform) DO UPDATE SET
         webhook_url = EXCLUDED.webhook_url, secret = EXCLUDED.secret, kinds = EXCLUDED.kinds,
         quiet_from = EXCLUDED.quiet_from, quiet_until = EXCLUDED.quiet_until,
         enabled = EXCLUDED.enabled, updated_by = EXCLUDED.updated_by,
         failed_at = NULL, last_error = NULL, updated_at = now()
       RETURNING ${COLUMNS}`,
      [
        organisationId,
        platform,
        settings.webhookUrl,
        settings.secret,
        settings.kinds,
        settings.quietHours?.from ?? null,
        settings.quietHours?.until ?? null,
        settings.enabled,
        updatedBy,
      ],
    );
    return toRecord(row);
  }

  async remove(organisationId: string, platform: RobotPlatform): Promise<RemoveRobotOutcome> {
    // One statement: a delivery recorded between a check and the delete cannot slip through.
    const [row]: { found: boolean; removed: boolean }[] = await this.db.query(
      `WITH robot AS (
         SELECT id FROM organisation_robot WHERE organisation_id = $1 AND platform = $2),
       removed AS (
         DELETE FROM organisation_robot r USING robot
          WHERE r.id = robot.id AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.robot_id = robot.id)
          RETURNING r.id)
       SELECT EXISTS (SELECT 1 FROM robot) AS found, EXISTS (SELECT 1 FROM removed) AS removed`,
      [organisationId, platform],
    );
    if (row.removed) return 'removed';
    return row.found ? 'has_deliveries' : 'not_found';
  }

  async deliveries(
    organisationId: string,
    filter: { status: RobotDeliveryStatus | null; limit: number },
  ): Promise<RobotDeliveryRecord[]> {
    const rows: {
      id: string;
      platform: RobotPlatform;
      kind: NotificationKind;
      item_id: string;
      headline: string;
      status: RobotDeliveryStatus;
      error: string | null;
      attempts: number;
      created_at: Date | string;
      sent_at: Date | string | null;
    }[] = await this.db.query(
      `SELECT n.id::text AS id, r.platform, n.kind, n.item_id, n.headline, n.status, n.error,
              n.attempts, n.created_at, n.sent_at
         FROM notification n JOIN organisation_robot r ON r.id = n.robot_id
        WHERE r.organisation_id = $1 AND n.channel = 'robot' AND ($2::text IS NULL OR n.status = $2)
        ORDER BY n.id DESC
        LIMIT $3`,
      [organisationId, filter.status, filter.limit],
    );
    return rows.map((r) => ({
      id: r.id,
      platform: r.platform,
      kind: r.kind,
      itemId: r.item_id,
      headline: r.headline,
      status: r.status,
      error: r.error,
      attempts: r.attempts,
      createdAt: new Date(r.created_at).toISOString(),
      sentAt: iso(r.sent_at),
    }));
  }
}
