import { adminWorld } from '../testing/admin-fixtures';
import { GetOrganisationTreeUseCase } from './organisation-tree.usecase';

const names = (nodes: { name: string; children: { name: string }[] }[]) =>
  nodes.map((n) => ({ name: n.name, children: n.children.map((c) => c.name) }));

describe('GetOrganisationTreeUseCase', () => {
  it('nests what the viewer may see: the root administrator every tree, the town’s 书记 the whole town, siblings by name', async () => {
    const { organisations, viewers, admin, supervisor } = await adminWorld();
    await organisations.add({ name: '外镇党委', kind: 'committee', parentName: null });
    const tree = new GetOrganisationTreeUseCase(organisations, viewers);
    expect(names(await tree.execute({ userId: admin.userId }))).toEqual([
      { name: '外镇党委', children: [] },
      { name: '镇党委', children: ['乙村党支部', '甲村党支部'] },
    ]);
    expect(names(await tree.execute({ userId: supervisor.userId }))).toEqual([
      { name: '镇党委', children: ['乙村党支部', '甲村党支部'] },
    ]);
  });

  it('shows a secretary only their own organisation, as a root', async () => {
    const { organisations, viewers, secretary } = await adminWorld();
    const tree = await new GetOrganisationTreeUseCase(organisations, viewers).execute({
      userId: secretary.userId,
    });
    expect(names(tree)).toEqual([{ name: '甲村党支部', children: [] }]);
  });

  it('refuses an account that no longer exists with USER_NOT_FOUND', async () => {
    const { organisations, viewers } = await adminWorld();
    await expect(
      new GetOrganisationTreeUseCase(organisations, viewers).execute({
        userId: '44444444-4444-4444-8444-444444444444',
      }),
    ).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
  });
});
