import { InMemoryUsersRepository } from '../testing/in-memory-users.repository';
import { requireUserNamed } from './require-user-named';

describe('requireUserNamed', () => {
  it('returns the account with exactly that username, or refuses with USER_NOT_FOUND naming it', async () => {
    const users = new InMemoryUsersRepository();
    const lisi = await users.add({
      username: 'lisi',
      displayName: '李四',
      positions: [],
      organisationId: '00000000-0000-4000-8000-00000000000a',
      email: null,
      passwordHash: null,
    });
    expect((await requireUserNamed(users, 'lisi')).id).toBe(lisi.id);
    await expect(requireUserNamed(users, 'LISI')).rejects.toMatchObject({
      code: 'USER_NOT_FOUND',
      message: '用户"LISI"不存在：请检查用户名。',
      details: { username: 'LISI' },
    });
  });
});
