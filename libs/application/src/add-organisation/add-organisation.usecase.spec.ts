import { adminWorld } from '../testing/admin-fixtures';
import { AddOrganisationUseCase } from './add-organisation.usecase';

async function setUp() {
  const world = await adminWorld();
  return { ...world, useCase: new AddOrganisationUseCase(world.organisations, world.viewers) };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (err: { code?: string }) => err.code,
  );

describe('AddOrganisationUseCase', () => {
  it('adds a root whose path is its own id, its kind guessed from the name', async () => {
    const { useCase } = await setUp();
    const org = await useCase.execute({ by: 'operator', name: '  青石镇党委 ' });
    expect(org).toMatchObject({ name: '青石镇党委', kind: 'committee', parentId: null, path: `/${org.id}/` });
    const branch = await useCase.execute({ by: 'operator', name: '青石村党总支' });
    expect(branch.kind).toBe('general_branch');
  });

  it('adds under a parent named or identified: the path extends the parent path', async () => {
    const { useCase, town } = await setUp();
    const byName = await useCase.execute({
      by: 'operator',
      name: '丙村党支部',
      parent: { name: ' 镇党委 ' },
    });
    expect(byName).toMatchObject({ kind: 'branch', parentId: town.id, path: `${town.path}${byName.id}/` });
    const byId = await useCase.execute({ by: 'operator', name: '丁村党支部', parent: { id: town.id } });
    expect(byId.path).toBe(`${town.path}${byId.id}/`);
    const grandchild = await useCase.execute({
      by: 'operator',
      name: '丙村第一党小组',
      parent: { name: '丙村党支部' },
      kind: 'branch',
    });
    expect(grandchild.path).toBe(`${byName.path}${grandchild.id}/`);
  });

  it('refuses a name taken anywhere in the tree with ORGANISATION_EXISTS, adding nothing', async () => {
    const { useCase, organisations } = await setUp();
    const before = organisations.rows.length;
    await expect(
      useCase.execute({ by: 'operator', name: '甲村党支部', parent: { name: '镇党委' } }),
    ).rejects.toMatchObject({
      code: 'ORGANISATION_EXISTS',
      message: '组织"甲村党支部"已存在，无需重复添加。',
      details: { name: '甲村党支部' },
    });
    expect(organisations.rows).toHaveLength(before);
  });

  it('refuses an unknown parent with ORGANISATION_NOT_FOUND naming it (an unknown id by the id)', async () => {
    const { useCase } = await setUp();
    await expect(
      useCase.execute({ by: 'operator', name: '戊村党支部', parent: { name: '无此党委' } }),
    ).rejects.toMatchObject({
      code: 'ORGANISATION_NOT_FOUND',
      details: { name: '无此党委' },
    });
    const missingId = '11111111-1111-4111-8111-111111111111';
    await expect(
      useCase.execute({ by: 'operator', name: '戊村党支部', parent: { id: missingId } }),
    ).rejects.toMatchObject({
      code: 'ORGANISATION_NOT_FOUND',
      message: `上级组织"${missingId}"不存在：请先添加上级组织，或检查名称是否正确。`,
    });
  });

  it('refuses an empty name (after removing characters XML forbids) with INVALID_ARGUMENT', async () => {
    const { useCase } = await setUp();
    expect(await codeOf(useCase.execute({ by: 'operator', name: '   ' }))).toBe('INVALID_ARGUMENT');
    const cleaned = await useCase.execute({ by: 'operator', name: '己村\u0007党支部' });
    expect(cleaned.name).not.toContain('\u0007');
  });

  it('lets an administrator add; refuses a supervisor or secretary with ADMIN_ONLY before any lookup', async () => {
    const { useCase, organisations, admin, supervisor, secretary } = await setUp();
    expect((await useCase.execute({ by: { userId: admin.userId }, name: '庚村党支部' })).name).toBe(
      '庚村党支部',
    );
    const before = organisations.rows.length;
    for (const who of [supervisor, secretary]) {
      // Even an unknown parent is not looked up: the refusal tells nothing about the tree.
      await expect(
        useCase.execute({ by: { userId: who.userId }, name: '辛村党支部', parent: { name: '无此党委' } }),
      ).rejects.toMatchObject({ code: 'ADMIN_ONLY', message: '只有管理员可以添加党组织：请联系管理员。' });
    }
    expect(organisations.rows).toHaveLength(before);
  });

  it('refuses an account that no longer exists with USER_NOT_FOUND', async () => {
    const { useCase } = await setUp();
    expect(
      await codeOf(
        useCase.execute({ by: { userId: '22222222-2222-4222-8222-222222222222' }, name: '壬村党支部' }),
      ),
    ).toBe('USER_NOT_FOUND');
  });
});
