import { peopleWorld } from '../testing/people-fixtures';
import { ListUsersUseCase } from './list-users.usecase';

async function setUp() {
  const world = await peopleWorld();
  const list = new ListUsersUseCase(world.users, world.organisations, world.viewers);
  return { ...world, list, by: { userId: world.admin.id } };
}

describe('ListUsersUseCase', () => {
  it('lists people active first, then by username, with their organisation and without hashes', async () => {
    const { list, by, users, jia } = await setUp();
    users.rows.find((u) => u.id === jia.id)!.disabled = true;
    const page = await list.execute({ by });
    expect(page).toMatchObject({ total: 4, page: 1, pageSize: 20 });
    expect(page.users.map((u) => u.username)).toEqual(['admin', 'yi.shuji', 'zhen.shuji', 'jia.shuji']);
    expect(page.users[1]).toEqual({
      id: expect.any(String),
      username: 'yi.shuji',
      displayName: '赵乙',
      organisationId: expect.any(String),
      organisationName: '乙村党支部',
      positions: [expect.objectContaining({ kind: 'secretary', organisationName: '乙村党支部' })],
      email: null,
      phone: null,
      disabled: false,
      mustChangePassword: false,
    });
    expect(await list.execute({ by: 'operator' })).toEqual(page);
  });

  it('finds by part of the name or the account, by organisation and those below, by position and by status', async () => {
    const { list, by, users, jia, town, villageA } = await setUp();
    const names = async (filter: Parameters<ListUsersUseCase['execute']>[0]) =>
      (await list.execute(filter)).users.map((u) => u.username);
    expect(await names({ by, text: '李' })).toEqual(['jia.shuji']);
    expect(await names({ by, text: 'SHUJI' })).toEqual(['jia.shuji', 'yi.shuji', 'zhen.shuji']);
    expect(await names({ by, organisation: { id: villageA.id } })).toEqual(['jia.shuji']);
    expect(await names({ by, organisation: { id: town.id } })).toHaveLength(4);
    expect(await names({ by, organisation: { name: '乙村党支部' } })).toEqual(['yi.shuji']);
    expect(await names({ by, positionKind: '书记' })).toEqual(['jia.shuji', 'yi.shuji', 'zhen.shuji']);
    expect(await names({ by, positionKind: 'admin' })).toEqual(['admin']);
    users.rows.find((u) => u.id === jia.id)!.disabled = true;
    expect(await names({ by, status: 'disabled' })).toEqual(['jia.shuji']);
    expect(await names({ by, status: 'active' })).toEqual(['admin', 'yi.shuji', 'zhen.shuji']);
  });

  it('pages: the page size and number choose the slice, the total counts every match', async () => {
    const { list, by } = await setUp();
    const second = await list.execute({ by, page: 2, pageSize: 3 });
    expect(second.total).toBe(4);
    expect(second.users.map((u) => u.username)).toEqual(['zhen.shuji']);
    expect((await list.execute({ by, page: 3, pageSize: 3 })).users).toEqual([]);
    for (const bad of [{ page: 0 }, { pageSize: 0 }, { pageSize: 201 }, { page: 1.5 }])
      await expect(list.execute({ by, ...bad })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('refuses an unknown organisation in the filter with ORGANISATION_NOT_FOUND', async () => {
    const { list, by } = await setUp();
    await expect(
      list.execute({ by, organisation: { id: '99999999-9999-4999-8999-999999999999' } }),
    ).rejects.toMatchObject({ code: 'ORGANISATION_NOT_FOUND' });
  });

  it('refuses a supervisor or a secretary with ADMIN_ONLY', async () => {
    const { list, supervisor, jia } = await setUp();
    for (const who of [supervisor, jia]) {
      await expect(list.execute({ by: { userId: who.id } })).rejects.toMatchObject({
        code: 'ADMIN_ONLY',
        message: '只有管理员可以查看用户：请联系管理员。',
      });
    }
  });
});
