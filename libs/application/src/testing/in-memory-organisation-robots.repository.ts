import { ROBOT_PLATFORMS, type RobotPlatform } from '@rectify/domain';
import {
  type OrganisationRobotOverview,
  type OrganisationRobotRecord,
  type OrganisationRobotsRepository,
  type RemoveRobotOutcome,
  type RobotDeliveryCounts,
  type RobotDeliveryRecord,
  type RobotDeliveryStatus,
  type RobotSettings,
} from '@rectify/persistence';

/** A robot notification row of the fake, with the robot it belongs to. */
export interface InMemoryRobotDelivery extends RobotDeliveryRecord {
  robotId: string;
}

const THIRTY_DAYS_MS = 30 * 24 * 3_600_000;

/** OrganisationRobotsRepository in memory, for unit tests; `deliveries` are seeded by the test. */
export class InMemoryOrganisationRobotsRepository implements OrganisationRobotsRepository {
  readonly robots: OrganisationRobotRecord[] = [];
  readonly sent: InMemoryRobotDelivery[] = [];

  /** Records a notification row for the robot, as the fan-out and the worker would. */
  record(robot: OrganisationRobotRecord, status: RobotDeliveryStatus, error: string | null = null): void {
    this.sent.push({
      id: String(this.sent.length + 1),
      robotId: robot.id,
      platform: robot.platform,
      kind: 'overdue',
      itemId: '00000000-0000-4000-8000-0000000000aa',
      headline: `推送 ${this.sent.length + 1}`,
      status,
      error,
      attempts: status === 'failed' ? 1 : 0,
      createdAt: new Date().toISOString(),
      sentAt: status === 'sent' ? new Date().toISOString() : null,
    });
  }

  async list(organisationId: string): Promise<OrganisationRobotOverview[]> {
    const since = Date.now() - THIRTY_DAYS_MS;
    return this.robots
      .filter((r) => r.organisationId === organisationId)
      .sort((a, b) => ROBOT_PLATFORMS.indexOf(a.platform) - ROBOT_PLATFORMS.indexOf(b.platform))
      .map((r) => {
        const counts: RobotDeliveryCounts = { pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0 };
        for (const d of this.sent)
          if (d.robotId === r.id && Date.parse(d.createdAt) > since) counts[d.status] += 1;
        return { ...structuredClone(r), recentDeliveries: counts };
      });
  }

  async find(organisationId: string, platform: RobotPlatform): Promise<OrganisationRobotRecord | null> {
    const r = this.robots.find((x) => x.organisationId === organisationId && x.platform === platform);
    return r ? structuredClone(r) : null;
  }

  async save(
    organisationId: string,
    platform: RobotPlatform,
    settings: RobotSettings,
    _updatedBy: string | null,
  ): Promise<OrganisationRobotRecord> {
    const now = new Date().toISOString();
    let robot = this.robots.find((x) => x.organisationId === organisationId && x.platform === platform);
    if (!robot) {
      robot = {
        id: `robot-${this.robots.length + 1}`,
        organisationId,
        platform,
        ...settings,
        lastSentAt: null,
        failedAt: null,
        lastError: null,
        updatedAt: now,
      };
      this.robots.push(robot);
    }
    Object.assign(robot, structuredClone(settings), { failedAt: null, lastError: null, updatedAt: now });
    return structuredClone(robot);
  }

  async remove(organisationId: string, platform: RobotPlatform): Promise<RemoveRobotOutcome> {
    const index = this.robots.findIndex(
      (x) => x.organisationId === organisationId && x.platform === platform,
    );
    if (index < 0) return 'not_found';
    if (this.sent.some((d) => d.robotId === this.robots[index].id)) return 'has_deliveries';
    this.robots.splice(index, 1);
    return 'removed';
  }

  async deliveries(
    organisationId: string,
    filter: { status: RobotDeliveryStatus | null; limit: number },
  ): Promise<RobotDeliveryRecord[]> {
    const ids = new Set(this.robots.filter((r) => r.organisationId === organisationId).map((r) => r.id));
    return this.sent
      .filter((d) => ids.has(d.robotId) && (filter.status === null || d.status === filter.status))
      .reverse()
      .slice(0, filter.limit)
      .map(({ robotId: _robot, ...d }) => ({ ...d }));
  }
}
