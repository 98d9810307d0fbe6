import { adminWorld } from '../testing/admin-fixtures';
import { ListUsersUseCase } from './list-users.usecase';

describe('ListUsersUseCase', () => {
  it('lists every user by username without hashes for an administrator or the operator', async () => {
    const { users, viewers, admin, town } = await adminWorld();
    for (const username of ['wangwu', 'lisi'])
      await users.add({
        username,
        displayName: username,
        role: 'secretary',
        organisationId: town.id,
        email: null,
        passwordHash: 'h',
      });
    const list = new ListUsersUseCase(users, viewers);
    const listed = await list.execute({ by: { userId: admin.userId } });
    expect(listed.map((u) => u.username)).toEqual(['lisi', 'wangwu']);
    expect(Object.keys(listed[0]).sort()).toEqual([
      'displayName',
      'email',
      'id',
      'organisationId',
      'role',
      'username',
    ]);
    expect(await list.execute({ by: 'operator' })).toEqual(listed);
  });

  it('refuses a supervisor or a secretary with ADMIN_ONLY', async () => {
    const { users, viewers, supervisor, secretary } = await adminWorld();
    for (const who of [supervisor, secretary]) {
      await expect(
        new ListUsersUseCase(users, viewers).execute({ by: { userId: who.userId } }),
      ).rejects.toMatchObject({
        code: 'ADMIN_ONLY',
        message: '只有管理员可以查看用户：请联系管理员。',
      });
    }
  });
});
