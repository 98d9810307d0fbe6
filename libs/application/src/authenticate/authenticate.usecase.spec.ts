import { hashPassword } from '../auth/passwords';
import { InMemoryUsersRepository } from '../testing/in-memory-users.repository';
import { AuthenticateUseCase } from './authenticate.usecase';

const PASSWORD = 'correct horse battery';

async function setUp() {
  const users = new InMemoryUsersRepository();
  const add = async (username: string, password: string | null) =>
    users.add({
      username,
      displayName: username,
      positions: [],
      organisationId: '00000000-0000-4000-8000-00000000000a',
      email: null,
      passwordHash: password === null ? null : await hashPassword(password, username),
    });
  return { users, add, useCase: new AuthenticateUseCase(users) };
}

const INVALID = { code: 'INVALID_CREDENTIALS', message: '用户名或密码不正确。' };

describe('AuthenticateUseCase', () => {
  it('returns the user whose password this is', async () => {
    const { add, useCase } = await setUp();
    const user = await add('lisi', PASSWORD);
    expect((await useCase.execute({ username: 'lisi', password: PASSWORD })).id).toBe(user.id);
  });

  it('answers a wrong password, an unknown user and an account without password alike', async () => {
    const { add, useCase } = await setUp();
    await add('lisi', PASSWORD);
    await add('wangwu', null);
    await expect(
      useCase.execute({ username: 'lisi', password: 'wrong horse battery' }),
    ).rejects.toMatchObject(INVALID);
    await expect(useCase.execute({ username: 'nobody', password: PASSWORD })).rejects.toMatchObject(INVALID);
    await expect(useCase.execute({ username: 'wangwu', password: PASSWORD })).rejects.toMatchObject(INVALID);
  });

  it('refuses a disabled account with ACCOUNT_DISABLED only when its password matched', async () => {
    const { add, users, useCase } = await setUp();
    await add('lisi', PASSWORD);
    users.rows[0].disabled = true;
    await expect(useCase.execute({ username: 'lisi', password: PASSWORD })).rejects.toMatchObject({
      code: 'ACCOUNT_DISABLED',
    });
    await expect(
      useCase.execute({ username: 'lisi', password: 'wrong horse battery' }),
    ).rejects.toMatchObject(INVALID);
  });
});
