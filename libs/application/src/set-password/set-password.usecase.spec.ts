import bcrypt from 'bcryptjs';
import { InMemoryUsersRepository } from '../testing/in-memory-users.repository';
import { SetPasswordUseCase } from './set-password.usecase';

async function setUp() {
  const users = new InMemoryUsersRepository();
  await users.add({
    username: 'lisi',
    displayName: '李四',
    positions: [],
    organisationId: '00000000-0000-4000-8000-00000000000a',
    email: null,
    passwordHash: null,
  });
  return { users, useCase: new SetPasswordUseCase(users) };
}

describe('SetPasswordUseCase', () => {
  it('stores a bcrypt hash of the new password (the token version moves with it)', async () => {
    const { users, useCase } = await setUp();
    await useCase.execute({ username: 'lisi', password: 'a-brand-new-password' });
    expect(await bcrypt.compare('a-brand-new-password', users.rows[0].passwordHash as string)).toBe(true);
    expect(users.rows[0].tokenVersion).toBe(1);
  });

  it('refuses a password the rules refuse with PASSWORD_REJECTED, changing nothing', async () => {
    const { users, useCase } = await setUp();
    for (const password of ['short', 'password', 'lisilisi'.slice(0, 4).repeat(2)]) {
      await expect(useCase.execute({ username: 'lisi', password })).rejects.toMatchObject({
        code: 'PASSWORD_REJECTED',
      });
    }
    expect(users.rows[0]).toMatchObject({ passwordHash: null, tokenVersion: 0 });
  });

  it('refuses an unknown username with USER_NOT_FOUND', async () => {
    const { useCase } = await setUp();
    await expect(
      useCase.execute({ username: 'nobody', password: 'a-brand-new-password' }),
    ).rejects.toMatchObject({
      code: 'USER_NOT_FOUND',
      message: '用户"nobody"不存在：请检查用户名。',
    });
  });
});
