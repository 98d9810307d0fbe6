import { ListRobotDeliveriesUseCase } from '../list-robot-deliveries/list-robot-deliveries.usecase';
import { SaveOrganisationRobotUseCase } from '../save-organisation-robot/save-organisation-robot.usecase';
import { adminWorld } from '../testing/admin-fixtures';
import { InMemoryOrganisationRobotsRepository } from '../testing/in-memory-organisation-robots.repository';
import { RemoveOrganisationRobotUseCase } from './remove-organisation-robot.usecase';

const FEISHU = 'https://open.feishu.cn/open-apis/bot/v2/hook/0123456789abcdef';

describe('RemoveOrganisationRobotUseCase and ListRobotDeliveriesUseCase', () => {
  it('deletes a robot that never sent, refuses one with deliveries (disable it instead), and lists what failed', async () => {
    const { organisations, viewers, admin, villageA, villageB } = await adminWorld();
    const robots = new InMemoryOrganisationRobotsRepository();
    const by = { userId: admin.userId };
    const save = new SaveOrganisationRobotUseCase(robots, organisations, viewers, []);
    const remove = new RemoveOrganisationRobotUseCase(robots, organisations, viewers);
    const deliveries = new ListRobotDeliveriesUseCase(robots, organisations, viewers);

    await save.execute({ by, organisationId: villageA.id, platform: 'feishu', webhookUrl: FEISHU });
    expect(await remove.execute({ by, organisationId: villageA.id, platform: 'feishu' })).toEqual({
      organisationId: villageA.id,
      platform: 'feishu',
    });
    await expect(
      remove.execute({ by, organisationId: villageA.id, platform: 'feishu' }),
    ).rejects.toMatchObject({
      code: 'ROBOT_NOT_FOUND',
    });

    await save.execute({ by, organisationId: villageA.id, platform: 'feishu', webhookUrl: FEISHU });
    await save.execute({ by, organisationId: villageB.id, platform: 'feishu', webhookUrl: FEISHU });
    robots.record(robots.robots[0], 'sent');
    robots.record(robots.robots[0], 'failed', '飞书机器人已被移除：请重新添加机器人并更新 Webhook。');
    robots.record(robots.robots[1], 'failed', '乙村的失败');
    await expect(
      remove.execute({ by, organisationId: villageA.id, platform: 'feishu' }),
    ).rejects.toMatchObject({
      code: 'ROBOT_HAS_DELIVERIES',
      message: expect.stringContaining('请停用该机器人'),
    });

    const failed = await deliveries.execute({ by, organisationId: villageA.id, status: 'failed', limit: 50 });
    expect(failed.map((d) => d.error)).toEqual(['飞书机器人已被移除：请重新添加机器人并更新 Webhook。']);
    expect(
      await deliveries.execute({ by, organisationId: villageA.id, status: null, limit: 50 }),
    ).toHaveLength(2);
    await expect(
      deliveries.execute({ by, organisationId: villageA.id, status: 'lost', limit: 50 }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
