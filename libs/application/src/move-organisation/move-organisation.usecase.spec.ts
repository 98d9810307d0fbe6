import { adminWorld } from '../testing/admin-fixtures';
import { MoveOrganisationUseCase } from './move-organisation.usecase';

/** 镇党委 → 甲村党支部, 乙村党支部, plus 丙村党总支 → 丙村第一党支部 → 第一党小组. */
async function setUp() {
  const world = await adminWorld();
  const add = async (name: string, parentName: string) => {
    const outcome = await world.organisations.add({ name, kind: 'branch', parentName });
    if (outcome.kind !== 'added') throw new Error(outcome.kind);
    return outcome.organisation;
  };
  const general = await add('丙村党总支', '镇党委');
  const branch = await add('丙村第一党支部', '丙村党总支');
  const group = await add('第一党小组', '丙村第一党支部');
  const useCase = new MoveOrganisationUseCase(world.organisations, world.viewers);
  const pathOf = (id: string) => world.organisations.rows.find((o) => o.id === id)?.path;
  return { ...world, general, branch, group, useCase, pathOf };
}

describe('MoveOrganisationUseCase', () => {
  it('moves an organisation with everything below it: their paths follow, the rest stays', async () => {
    const { useCase, villageA, general, branch, group, town, villageB, pathOf } = await setUp();
    const moved = await useCase.execute({
      by: 'operator',
      organisation: { id: general.id },
      newParent: { id: villageA.id },
    });
    expect(moved).toMatchObject({ parentId: villageA.id, path: `${villageA.path}${general.id}/` });
    expect(pathOf(branch.id)).toBe(`${villageA.path}${general.id}/${branch.id}/`);
    expect(pathOf(group.id)).toBe(`${villageA.path}${general.id}/${branch.id}/${group.id}/`);
    expect(pathOf(villageB.id)).toBe(`${town.path}${villageB.id}/`);
  });

  it('refuses a move under the organisation itself or anything below it with ORGANISATION_CYCLE, changing nothing', async () => {
    const { useCase, organisations, general, branch, group } = await setUp();
    const before = JSON.stringify(organisations.rows);
    for (const target of [general, branch, group]) {
      await expect(
        useCase.execute({
          by: 'operator',
          organisation: { name: '丙村党总支' },
          newParent: { id: target.id },
        }),
      ).rejects.toMatchObject({
        code: 'ORGANISATION_CYCLE',
        message: '不能把组织移到它自己或其下级组织之下。',
      });
    }
    expect(JSON.stringify(organisations.rows)).toBe(before);
  });

  it('refuses moving a root, and moving an active organisation under a disabled one', async () => {
    const { useCase, organisations, town, villageA, villageB } = await setUp();
    await expect(
      useCase.execute({ by: 'operator', organisation: { id: town.id }, newParent: { id: villageA.id } }),
    ).rejects.toMatchObject({ code: 'ORGANISATION_IS_ROOT' });
    await organisations.setDisabled(villageB.id, true);
    await expect(
      useCase.execute({ by: 'operator', organisation: { id: villageA.id }, newParent: { id: villageB.id } }),
    ).rejects.toMatchObject({
      code: 'ORGANISATION_DISABLED',
      message: expect.stringContaining('乙村党支部'),
    });
  });

  it('refuses a supervisor with ADMIN_ONLY and an unknown organisation with ORGANISATION_NOT_FOUND', async () => {
    const { useCase, supervisor, villageA, town } = await setUp();
    await expect(
      useCase.execute({
        by: { userId: supervisor.userId },
        organisation: { id: villageA.id },
        newParent: { id: town.id },
      }),
    ).rejects.toMatchObject({ code: 'ADMIN_ONLY' });
    await expect(
      useCase.execute({ by: 'operator', organisation: { name: '无此支部' }, newParent: { id: town.id } }),
    ).rejects.toMatchObject({ code: 'ORGANISATION_NOT_FOUND' });
  });
});
