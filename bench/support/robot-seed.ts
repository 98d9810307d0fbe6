import { createHash } from 'node:crypto';
import { NOTIFICATION_KINDS } from '../../libs/domain/src';
import { type DataSource } from 'typeorm';
import { type RobotStandIn } from '../../test/support/robot-platforms';

/** A group robot the benchmark connected: its row, its organisation and its key on a stand-in. */
export interface BenchRobot {
  id: string;
  organisationId: string;
  platform: 'wecom' | 'dingtalk';
  /** The credential its stand-in files its messages under (ReceivedMessage.key). */
  key: string;
}

/**
 * Gives every organisation of the reminder seed (names carrying `tag`) a group robot that takes
 * every notification kind, as an administrator's settings would store it: in path order, WeCom
 * and DingTalk with 加签 in turn, each a robot of its own (own key; own secret for DingTalk) on
 * the one stand-in server of its platform. Returns the robots by stand-in key.
 */
export async function connectRobots(
  db: DataSource,
  tag: string,
  standIns: { wecom: RobotStandIn; dingtalk: RobotStandIn },
): Promise<Map<string, BenchRobot>> {
  const organisations: { id: string }[] = await db.query(
    `SELECT id FROM organisation WHERE name LIKE $1 ORDER BY path`,
    [`%-${tag}%`],
  );
  const planned = organisations.map(({ id }, i) => {
    const platform = i % 2 === 0 ? ('wecom' as const) : ('dingtalk' as const);
    const secret =
      platform === 'dingtalk' ? `SEC${createHash('sha256').update(`${tag}:${id}`).digest('hex')}` : undefined;
    const address = standIns[platform].addRobot(secret ? { secret } : {});
    return { organisationId: id, platform, ...address };
  });
  const rows: { id: string; organisation_id: string }[] = await db.query(
    `INSERT INTO organisation_robot (organisation_id, platform, webhook_url, secret, kinds)
     SELECT r.organisation_id, r.platform, r.webhook_url, r.secret, $5::text[]
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS r(organisation_id, platform, webhook_url, secret)
     RETURNING id, organisation_id`,
    [
      planned.map((p) => p.organisationId),
      planned.map((p) => p.platform),
      planned.map((p) => p.webhookUrl),
      planned.map((p) => p.secret),
      [...NOTIFICATION_KINDS],
    ],
  );
  const idByOrganisation = new Map(rows.map((r) => [r.organisation_id, r.id]));
  return new Map(
    planned.map((p) => [
      p.key,
      {
        id: idByOrganisation.get(p.organisationId)!,
        organisationId: p.organisationId,
        platform: p.platform,
        key: p.key,
      },
    ]),
  );
}
