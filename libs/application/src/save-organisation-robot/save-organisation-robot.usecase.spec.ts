import { NOTIFICATION_KINDS } from '@rectify/domain';
import { ListOrganisationRobotsUseCase } from '../list-organisation-robots/list-organisation-robots.usecase';
import { adminWorld } from '../testing/admin-fixtures';
import { InMemoryOrganisationRobotsRepository } from '../testing/in-memory-organisation-robots.repository';
import { SaveOrganisationRobotUseCase } from './save-organisation-robot.usecase';

const WECOM = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aaa-4bc4-97a0-0ec2sifa5aaa';
const DINGTALK = 'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef0123456789abcdef';

async function world() {
  const w = await adminWorld();
  const robots = new InMemoryOrganisationRobotsRepository();
  const save = new SaveOrganisationRobotUseCase(robots, w.organisations, w.viewers, ['127.0.0.1:8089']);
  const list = new ListOrganisationRobotsUseCase(robots, w.organisations, w.viewers);
  return { ...w, robots, save, list };
}

describe('SaveOrganisationRobotUseCase', () => {
  it('creates a robot with the defaults and shows it masked, the secret only as set or not', async () => {
    const { save, list, admin, villageA } = await world();
    const by = { userId: admin.userId };
    const view = await save.execute({
      by,
      organisationId: villageA.id,
      platform: 'wecom',
      webhookUrl: ` ${WECOM} `,
    });
    expect(view).toEqual({
      platform: 'wecom',
      platformLabel: '企业微信',
      webhook: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a****5aaa',
      secretSet: false,
      kinds: [...NOTIFICATION_KINDS],
      quietHours: { from: '22:00', until: '07:00' },
      enabled: true,
      lastSentAt: null,
      failedAt: null,
      lastError: null,
      recentDeliveries: { pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0 },
    });
    await save.execute({
      by,
      organisationId: villageA.id,
      platform: 'dingtalk',
      webhookUrl: DINGTALK,
      secret: 'SECabc123',
    });
    const robots = await list.execute({ by, organisationId: villageA.id });
    expect(robots.map((r) => [r.platform, r.secretSet])).toEqual([
      ['wecom', false],
      ['dingtalk', true],
    ]);
    expect(JSON.stringify(robots)).not.toContain('SECabc123');
    expect(JSON.stringify(robots)).not.toContain('0123456789abcdef0123456789abcdef');
  });

  it('keeps what is omitted, clears the secret with an empty string, and clears a recorded failure', async () => {
    const { save, robots, admin, villageA } = await world();
    const by = { userId: admin.userId };
    const at = { by, organisationId: villageA.id, platform: 'dingtalk' };
    await save.execute({
      ...at,
      webhookUrl: DINGTALK,
      secret: 'SECabc123',
      kinds: ['overdue'],
      quietHours: null,
    });
    robots.robots[0].failedAt = new Date().toISOString();
    robots.robots[0].lastError = '钉钉机器人签名校验失败：请核对加签密钥。';
    const changed = await save.execute({ ...at, enabled: false });
    expect(changed).toMatchObject({ secretSet: true, kinds: ['overdue'], quietHours: null, enabled: false });
    expect(changed).toMatchObject({ failedAt: null, lastError: null });
    expect(robots.robots[0]).toMatchObject({ webhookUrl: DINGTALK, secret: 'SECabc123' });
    expect(await save.execute({ ...at, secret: '' })).toMatchObject({ secretSet: false });
  });

  it('refuses a wrong webhook with ROBOT_WEBHOOK_INVALID and what to do, a new robot without one, and bad fields', async () => {
    const { save, admin, villageA } = await world();
    const at = { by: { userId: admin.userId }, organisationId: villageA.id };
    await expect(
      save.execute({
        ...at,
        platform: 'wecom',
        webhookUrl: 'https://example.com/cgi-bin/webhook/send?key=abcdefgh12',
      }),
    ).rejects.toMatchObject({
      code: 'ROBOT_WEBHOOK_INVALID',
      message: expect.stringContaining('这不是企业微信机器人的地址'),
    });
    await expect(save.execute({ ...at, platform: 'feishu' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '请填写飞书机器人的 Webhook 地址。',
    });
    // A stand-in host from ROBOT_WEBHOOK_HOSTS is accepted, over http too.
    await save.execute({
      ...at,
      platform: 'wecom',
      webhookUrl: 'http://127.0.0.1:8089/cgi-bin/webhook/send?key=abcdefgh12',
    });
    const refusals = [
      { platform: 'telegram' },
      { platform: 'wecom', secret: '带 中文' },
      { platform: 'wecom', secret: 'x'.repeat(201) },
      { platform: 'wecom', kinds: [] },
      { platform: 'wecom', kinds: ['nonsense'] },
      { platform: 'wecom', quietHours: { from: '25:00', until: '07:00' } },
    ];
    for (const r of refusals) {
      await expect(save.execute({ ...at, ...r })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
  });

  it('lets only administrators of the organisation or above set it; others are refused or find nothing', async () => {
    const { save, list, supervisor, secretary, villageA } = await world();
    for (const person of [supervisor, secretary]) {
      await expect(
        save.execute({
          by: { userId: person.userId },
          organisationId: villageA.id,
          platform: 'wecom',
          webhookUrl: WECOM,
        }),
      ).rejects.toMatchObject({ code: 'ADMIN_ONLY' });
      await expect(
        list.execute({ by: { userId: person.userId }, organisationId: villageA.id }),
      ).rejects.toMatchObject({
        code: 'ADMIN_ONLY',
      });
    }
  });
});
