import bcrypt from 'bcryptjs';
import { hashPassword } from '../auth/passwords';
import { InMemoryUsersRepository } from '../testing/in-memory-users.repository';
import { ChangeOwnPasswordUseCase } from './change-own-password.usecase';

const CURRENT = 'correct horse battery';
const NEXT = 'a-brand-new-password';

async function setUp() {
  const users = new InMemoryUsersRepository();
  const user = await users.add({
    username: 'lisi',
    displayName: '李四',
    positions: [],
    organisationId: '00000000-0000-4000-8000-00000000000a',
    email: null,
    passwordHash: await hashPassword(CURRENT, 'lisi'),
  });
  return { users, user, useCase: new ChangeOwnPasswordUseCase(users) };
}

describe('ChangeOwnPasswordUseCase', () => {
  it('stores the new password, clears "must change" and moves the token version, ending every session', async () => {
    const { users, user, useCase } = await setUp();
    users.rows[0].mustChangePassword = true;
    const changed = await useCase.execute({ userId: user.id, currentPassword: CURRENT, newPassword: NEXT });
    expect(await bcrypt.compare(NEXT, users.rows[0].passwordHash as string)).toBe(true);
    expect(changed).toMatchObject({ mustChangePassword: false, tokenVersion: 1 });
    expect(users.rows[0]).toMatchObject({ mustChangePassword: false, tokenVersion: 1 });
  });

  it('refuses a wrong current password with WRONG_CURRENT_PASSWORD, changing nothing', async () => {
    const { users, user, useCase } = await setUp();
    const before = users.rows[0].passwordHash;
    await expect(
      useCase.execute({ userId: user.id, currentPassword: 'wrong horse battery', newPassword: NEXT }),
    ).rejects.toMatchObject({ code: 'WRONG_CURRENT_PASSWORD', message: '当前密码不正确：请重新输入。' });
    expect(users.rows[0]).toMatchObject({ passwordHash: before, tokenVersion: 0 });
  });

  it('refuses the current password as the new one, and a new one the rules refuse', async () => {
    const { user, useCase } = await setUp();
    await expect(
      useCase.execute({ userId: user.id, currentPassword: CURRENT, newPassword: CURRENT }),
    ).rejects.toMatchObject({ code: 'PASSWORD_UNCHANGED' });
    for (const newPassword of ['short', '12345678', 'lisilisi', 'abcdefgh'])
      await expect(
        useCase.execute({ userId: user.id, currentPassword: CURRENT, newPassword }),
      ).rejects.toMatchObject({ code: 'PASSWORD_REJECTED' });
  });

  it('refuses a disabled account with ACCOUNT_DISABLED and a gone one with USER_NOT_FOUND', async () => {
    const { users, user, useCase } = await setUp();
    users.rows[0].disabled = true;
    await expect(
      useCase.execute({ userId: user.id, currentPassword: CURRENT, newPassword: NEXT }),
    ).rejects.toMatchObject({ code: 'ACCOUNT_DISABLED' });
    await expect(
      useCase.execute({
        userId: '99999999-9999-4999-8999-999999999999',
        currentPassword: CURRENT,
        newPassword: NEXT,
      }),
    ).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
  });
});
