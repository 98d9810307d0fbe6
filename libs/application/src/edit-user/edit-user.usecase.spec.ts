import { peopleWorld } from '../testing/people-fixtures';
import { EditUserUseCase } from './edit-user.usecase';

async function setUp() {
  const world = await peopleWorld();
  return { ...world, edit: new EditUserUseCase(world.users, world.organisations, world.viewers) };
}

describe('EditUserUseCase', () => {
  it('changes name, phone, e-mail and home organisation, and answers the entry as the list shows it', async () => {
    const { edit, users, admin, jia, villageB } = await setUp();
    const entry = await edit.execute({
      by: { userId: admin.id },
      user: { id: jia.id },
      displayName: ' 李甲新 ',
      phone: ' 138 0000 0000 ',
      email: 'jia@example.org',
      organisation: { id: villageB.id },
    });
    expect(entry).toMatchObject({
      displayName: '李甲新',
      phone: '138 0000 0000',
      email: 'jia@example.org',
      organisationId: villageB.id,
      organisationName: '乙村党支部',
    });
    // The positions are their own: moving home does not move them.
    expect(entry.positions.map((p) => p.organisationName)).toEqual(['甲村党支部']);
    expect(users.rows.find((u) => u.id === jia.id)?.tokenVersion).toBe(0);
  });

  it('leaves absent fields as they are and clears phone and e-mail with null or empty text', async () => {
    const { edit, jia } = await setUp();
    await edit.execute({ by: 'operator', user: { username: 'jia.shuji' }, phone: '123456', email: 'a@b.cn' });
    const cleared = await edit.execute({ by: 'operator', user: { id: jia.id }, phone: '', email: null });
    expect(cleared).toMatchObject({ displayName: '李甲', phone: null, email: null });
  });

  it('refuses an empty name and a malformed phone or e-mail with INVALID_ARGUMENT', async () => {
    const { edit, jia } = await setUp();
    for (const change of [
      { displayName: '  ' },
      { displayName: '名'.repeat(51) },
      { phone: 'call me' },
      { email: 'not-an-address' },
    ])
      await expect(edit.execute({ by: 'operator', user: { id: jia.id }, ...change })).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
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
