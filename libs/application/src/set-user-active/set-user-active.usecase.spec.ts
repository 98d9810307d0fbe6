import { peopleWorld } from '../testing/people-fixtures';
import { SetUserActiveUseCase } from './set-user-active.usecase';

async function setUp() {
  const world = await peopleWorld();
  return { ...world, setActive: new SetUserActiveUseCase(world.users, world.organisations, world.viewers) };
}

describe('SetUserActiveUseCase', () => {
  it('deactivates an account, ending its sessions, and reactivates it', async () => {
    const { setActive, users, admin, jia } = await setUp();
    const off = await setActive.execute({ by: { userId: admin.id }, user: { id: jia.id }, active: false });
    expect(off).toMatchObject({ username: 'jia.shuji', disabled: true, organisationName: '甲村党支部' });
    expect(users.rows.find((u) => u.id === jia.id)).toMatchObject({ disabled: true, tokenVersion: 1 });
    const on = await setActive.execute({ by: 'operator', user: { username: 'jia.shuji' }, active: true });
    expect(on.disabled).toBe(false);
    // Deactivating twice changes nothing the second time.
    await setActive.execute({ by: 'operator', user: { id: jia.id }, active: true });
    expect(users.rows.find((u) => u.id === jia.id)?.tokenVersion).toBe(2);
  });

  it('refuses an administrator deactivating themselves with OWN_ACCOUNT_PROTECTED', async () => {
    const { setActive, users, admin } = await setUp();
    await expect(
      setActive.execute({ by: { userId: admin.id }, user: { id: admin.id }, active: false }),
    ).rejects.toMatchObject({
      code: 'OWN_ACCOUNT_PROTECTED',
      message: '不能停用自己的账号：请由另一位管理员操作。',
    });
    expect(users.rows.find((u) => u.id === admin.id)?.disabled).toBe(false);
  });

  it('refuses deactivating the last active administrator with LAST_ADMINISTRATOR, and allows it when another remains', async () => {
    const { setActive, add, town, admin } = await setUp();
    await expect(
      setActive.execute({ by: 'operator', user: { id: admin.id }, active: false }),
    ).rejects.toMatchObject({
      code: 'LAST_ADMINISTRATOR',
      message: expect.stringContaining('最后一位在用的最高级管理员'),
    });
    const second = await add('admin2', 'admin', town);
    expect(
      (await setActive.execute({ by: { userId: second.id }, user: { id: admin.id }, active: false }))
        .disabled,
    ).toBe(true);
  });

  it('refuses a non-administrator with ADMIN_ONLY', async () => {
    const { setActive, supervisor, jia } = await setUp();
    await expect(
      setActive.execute({ by: { userId: supervisor.id }, user: { id: jia.id }, active: false }),
    ).rejects.toMatchObject({ code: 'ADMIN_ONLY', message: '只有管理员可以停用账号：请联系管理员。' });
  });
});
