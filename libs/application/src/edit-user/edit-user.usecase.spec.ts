import { peopleWorld } from '../testing/people-fixtures';
import { EditUserUseCase } from './edit-user.usecase';

async function setUp() {
  const world = await peopleWorld();
  return { ...world, edit: new EditUserUseCase(world.users, world.organisations, world.viewers) };
}

describe('EditUserUseCase', () => {
  it('changes name, phone, e-mail, organisation and role, and answers the entry as the list shows it', async () => {
    const { edit, users, admin, jia, villageB } = await setUp();
    const entry = await edit.execute({
      by: { userId: admin.id },
      user: { id: jia.id },
      displayName: ' 李甲新 ',
      phone: ' 138 0000 0000 ',
      email: 'jia@example.org',
      organisation: { id: villageB.id },
      role: 'supervisor',
    });
    expect(entry).toMatchObject({
      displayName: '李甲新',
      phone: '138 0000 0000',
      email: 'jia@example.org',
      organisationId: villageB.id,
      organisationName: '乙村党支部',
      role: 'supervisor',
    });
    // A new role ends the person's sessions.
    expect(users.rows.find((u) => u.id === jia.id)?.tokenVersion).toBe(1);
  });

  it('leaves absent fields as they are and clears phone and e-mail with null or empty text', async () => {
    const { edit, jia } = await setUp();
    await edit.execute({ by: 'operator', user: { username: 'jia.shuji' }, phone: '123456', email: 'a@b.cn' });
    const cleared = await edit.execute({ by: 'operator', user: { id: jia.id }, phone: '', email: null });
    expect(cleared).toMatchObject({ displayName: '李甲', phone: null, email: null, role: 'secretary' });
  });

  it('refuses an empty name, a malformed phone or e-mail and an unknown role with INVALID_ARGUMENT', async () => {
    const { edit, jia } = await setUp();
    for (const change of [
      { displayName: '  ' },
      { displayName: '名'.repeat(51) },
      { phone: 'call me' },
      { email: 'not-an-address' },
      { role: 'chief' as 'admin' },
    ])
      await expect(edit.execute({ by: 'operator', user: { id: jia.id }, ...change })).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
  });

  it('refuses an administrator changing their own role, and demoting the last active administrator', async () => {
    const { edit, admin } = await setUp();
    await expect(
      edit.execute({ by: { userId: admin.id }, user: { id: admin.id }, role: 'secretary' }),
    ).rejects.toMatchObject({
      code: 'OWN_ACCOUNT_PROTECTED',
      message: '不能修改自己的角色：请由另一位管理员操作。',
    });
    // Their own name is fine.
    expect(
      (await edit.execute({ by: { userId: admin.id }, user: { id: admin.id }, displayName: '管理员甲' }))
        .displayName,
    ).toBe('管理员甲');
    await expect(
      edit.execute({ by: 'operator', user: { id: admin.id }, role: 'supervisor' }),
    ).rejects.toMatchObject({
      code: 'LAST_ADMINISTRATOR',
    });
  });

  it('refuses an unknown organisation and a non-administrator', async () => {
    const { edit, supervisor, jia } = await setUp();
    await expect(
      edit.execute({ by: 'operator', user: { id: jia.id }, organisation: { name: '无此支部' } }),
    ).rejects.toMatchObject({ code: 'ORGANISATION_NOT_FOUND' });
    await expect(
      edit.execute({ by: { userId: supervisor.id }, user: { id: jia.id }, displayName: '某' }),
    ).rejects.toMatchObject({ code: 'ADMIN_ONLY' });
  });
});
