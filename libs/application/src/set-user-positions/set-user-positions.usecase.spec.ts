import { peopleWorld } from '../testing/people-fixtures';
import { SetUserPositionsUseCase } from './set-user-positions.usecase';

async function setUp() {
  const world = await peopleWorld();
  return { ...world, set: new SetUserPositionsUseCase(world.users, world.organisations, world.viewers) };
}

describe('SetUserPositionsUseCase', () => {
  it('replaces the positions, with the kinds default rights unless designated', async () => {
    const { set, admin, jia, town, villageA } = await setUp();
    const entry = await set.execute({
      by: { userId: admin.id },
      user: { id: jia.id },
      positions: [
        { kind: '副书记' },
        { kind: 'discipline_member', organisation: { id: town.id }, rights: ['supervise'] },
      ],
    });
    expect(entry.positions.map((p) => [p.organisationId, p.kind, p.rights])).toEqual([
      [villageA.id, 'deputy_secretary', ['supervise']],
      [town.id, 'discipline_member', ['supervise']],
    ]);
  });

  it('refuses an administrator taking away their own 管理员 position, and the last root administrator losing it', async () => {
    const { set, admin } = await setUp();
    await expect(
      set.execute({ by: { userId: admin.id }, user: { id: admin.id }, positions: [{ kind: 'secretary' }] }),
    ).rejects.toMatchObject({
      code: 'OWN_ACCOUNT_PROTECTED',
      message: '不能取消自己的管理员职务：请由另一位管理员操作。',
    });
    await expect(
      set.execute({ by: 'operator', user: { id: admin.id }, positions: [{ kind: 'secretary' }] }),
    ).rejects.toMatchObject({ code: 'LAST_ADMINISTRATOR' });
    // Adding a position beside it is fine.
    const kept = await set.execute({
      by: { userId: admin.id },
      user: { id: admin.id },
      positions: [{ kind: 'admin' }, { kind: 'organising_member' }],
    });
    expect(kept.positions.map((p) => p.kind)).toEqual(['admin', 'organising_member']);
  });

  it('keeps a subtree administrator inside their subtree and leaves positions outside it alone', async () => {
    const { set, add, users, villageA, villageB, town, yi } = await setUp();
    const villageAdmin = await add('a.admin', 'admin', villageA);
    const both = await add('both', 'secretary', villageA);
    await users.setPositions(both.id, [
      { organisationId: villageA.id, kind: 'secretary', rights: ['work_items'] },
      { organisationId: town.id, kind: 'organising_member', rights: ['supervise'] },
    ]);
    await expect(
      set.execute({
        by: { userId: villageAdmin.id },
        user: { id: yi.id },
        positions: [{ kind: 'secretary' }],
      }),
    ).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
    await expect(
      set.execute({
        by: { userId: villageAdmin.id },
        user: { id: both.id },
        positions: [{ kind: 'secretary', organisation: { id: villageB.id } }],
      }),
    ).rejects.toMatchObject({ code: 'ORGANISATION_NOT_FOUND' });
    const entry = await set.execute({
      by: { userId: villageAdmin.id },
      user: { id: both.id },
      positions: [{ kind: 'deputy_secretary' }],
    });
    expect(entry.positions.map((p) => [p.organisationId, p.kind])).toEqual([
      [town.id, 'organising_member'],
      [villageA.id, 'deputy_secretary'],
    ]);
  });

  it('refuses no position, an unknown kind and a non-administrator', async () => {
    const { set, supervisor, jia } = await setUp();
    await expect(set.execute({ by: 'operator', user: { id: jia.id }, positions: [] })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(
      set.execute({ by: 'operator', user: { id: jia.id }, positions: [{ kind: '主任' }] }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(
      set.execute({ by: { userId: supervisor.id }, user: { id: jia.id }, positions: [{ kind: '书记' }] }),
    ).rejects.toMatchObject({ code: 'ADMIN_ONLY' });
  });
});
