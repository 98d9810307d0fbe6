import bcrypt from 'bcryptjs';
import { hashPassword } from '../auth/passwords';
import { peopleWorld } from '../testing/people-fixtures';
import { ResetUserPasswordUseCase } from './reset-user-password.usecase';

async function setUp() {
  const world = await peopleWorld();
  const row = world.users.rows.find((u) => u.id === world.jia.id)!;
  row.passwordHash = await hashPassword('old-password-jia', 'jia.shuji');
  return {
    ...world,
    row,
    reset: new ResetUserPasswordUseCase(world.users, world.organisations, world.viewers),
  };
}

describe('ResetUserPasswordUseCase', () => {
  it('replaces the password with a one-time password, stored only as its hash, and marks it "must change"', async () => {
    const { reset, admin, jia, row } = await setUp();
    const result = await reset.execute({ by: { userId: admin.id }, user: { id: jia.id } });
    expect(result).toEqual({
      id: jia.id,
      username: 'jia.shuji',
      displayName: '李甲',
      oneTimePassword: expect.stringMatching(/^\S{4}-\S{4}-\S{4}$/),
    });
    expect(row.passwordHash).not.toContain(result.oneTimePassword);
    expect(await bcrypt.compare(result.oneTimePassword, row.passwordHash as string)).toBe(true);
    expect(await bcrypt.compare('old-password-jia', row.passwordHash as string)).toBe(false);
    expect(row).toMatchObject({ mustChangePassword: true, tokenVersion: 1 });
  });

  it('finds the account by username for the operator, and gives a new password each time', async () => {
    const { reset, row } = await setUp();
    const first = await reset.execute({ by: 'operator', user: { username: 'jia.shuji' } });
    const second = await reset.execute({ by: 'operator', user: { username: 'jia.shuji' } });
    expect(second.oneTimePassword).not.toBe(first.oneTimePassword);
    expect(row.tokenVersion).toBe(2);
  });

  it('refuses a non-administrator with ADMIN_ONLY and an unknown account with USER_NOT_FOUND', async () => {
    const { reset, admin, supervisor, jia, yi, row } = await setUp();
    for (const who of [supervisor, yi])
      await expect(reset.execute({ by: { userId: who.id }, user: { id: jia.id } })).rejects.toMatchObject({
        code: 'ADMIN_ONLY',
      });
    for (const user of [
      { id: '99999999-9999-4999-8999-999999999999' },
      { id: 'not-a-uuid' },
      { username: 'nobody' },
    ])
      await expect(reset.execute({ by: { userId: admin.id }, user })).rejects.toMatchObject({
        code: 'USER_NOT_FOUND',
      });
    expect(row).toMatchObject({ mustChangePassword: false, tokenVersion: 0 });
  });
});
