import bcrypt from 'bcryptjs';
import { adminWorld } from '../testing/admin-fixtures';
import { AddUserUseCase, type AddUserCommand } from './add-user.usecase';

async function setUp() {
  const world = await adminWorld();
  return { ...world, useCase: new AddUserUseCase(world.users, world.organisations, world.viewers) };
}

const command = (overrides: Partial<AddUserCommand> = {}): AddUserCommand => ({
  by: 'operator',
  username: 'zhangsan',
  organisation: { name: '甲村党支部' },
  positions: [{ kind: 'secretary' }],
  password: 'correct horse battery',
  ...overrides,
});

describe('AddUserUseCase', () => {
  it('adds a user to the named organisation with a bcrypt hash of the password', async () => {
    const { useCase, villageA, users } = await setUp();
    const user = await useCase.execute(
      command({ username: ' zhangsan ', displayName: ' 张三 ', email: 'z@example.org' }),
    );
    expect(user).toMatchObject({
      username: 'zhangsan',
      displayName: '张三',
      organisationId: villageA.id,
      positions: [
        expect.objectContaining({
          organisationId: villageA.id,
          kind: 'secretary',
          rights: ['work_items', 'supervise'],
        }),
      ],
      email: 'z@example.org',
    });
    expect(await bcrypt.compare('correct horse battery', user.passwordHash as string)).toBe(true);
    expect(users.rows).toHaveLength(1);
  });

  it('finds the organisation by id too, and without a password stores none; the display name defaults to the username', async () => {
    const { useCase, villageB } = await setUp();
    const user = await useCase.execute(command({ organisation: { id: villageB.id }, password: undefined }));
    expect(user).toMatchObject({
      organisationId: villageB.id,
      passwordHash: null,
      displayName: 'zhangsan',
      email: null,
    });
  });

  it('refuses a password the rules refuse with PASSWORD_REJECTED before any lookup', async () => {
    const { useCase, users } = await setUp();
    for (const password of ['short', '12345678', 'zhangsan']) {
      await expect(useCase.execute(command({ password }))).rejects.toMatchObject({
        code: 'PASSWORD_REJECTED',
      });
    }
    expect(users.calls.findByUsername).toBe(0);
    expect(users.rows).toHaveLength(0);
  });

  it('refuses a malformed username, an unknown position or none with INVALID_ARGUMENT', async () => {
    const { useCase } = await setUp();
    for (const username of ['z', 'zhang san', 'a'.repeat(65), '张三']) {
      await expect(useCase.execute(command({ username }))).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
    }
    await expect(useCase.execute(command({ positions: [{ kind: 'chief' }] }))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '职务"chief"无效：可选 书记、副书记、组织委员、纪检委员、党务工作者、管理员。',
    });
    await expect(useCase.execute(command({ positions: [] }))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('refuses an unknown organisation with ORGANISATION_NOT_FOUND and a taken username with USER_EXISTS', async () => {
    const { useCase, users } = await setUp();
    await expect(useCase.execute(command({ organisation: { name: '无此支部' } }))).rejects.toMatchObject({
      code: 'ORGANISATION_NOT_FOUND',
      message: '组织"无此支部"不存在：请检查名称，或先用 "rectify orgs add" 添加该组织。',
    });
    await useCase.execute(command());
    await expect(useCase.execute(command({ organisation: { name: '乙村党支部' } }))).rejects.toMatchObject({
      code: 'USER_EXISTS',
      details: { username: 'zhangsan' },
    });
    expect(users.rows).toHaveLength(1);
  });

  it('lets only an administrator add users (ADMIN_ONLY otherwise, before any check of the input)', async () => {
    const { useCase, admin, supervisor, secretary, users } = await setUp();
    expect((await useCase.execute(command({ by: { userId: admin.userId } }))).username).toBe('zhangsan');
    for (const who of [supervisor, secretary]) {
      await expect(
        useCase.execute(command({ by: { userId: who.userId }, username: 'x', password: 'short' })),
      ).rejects.toMatchObject({ code: 'ADMIN_ONLY', message: '只有管理员可以添加用户：请联系管理员。' });
    }
    expect(users.rows).toHaveLength(1);
  });

  it('gives several positions by label or code, in other organisations too, with designated rights', async () => {
    const { useCase, villageA, town } = await setUp();
    const user = await useCase.execute(
      command({
        positions: [
          { kind: '书记' },
          { kind: 'organising_member', organisation: { name: '镇党委' } },
          { kind: '党务工作者', organisation: { id: villageA.id }, rights: ['work_items'] },
        ],
      }),
    );
    expect(user.positions.map((p) => [p.organisationId, p.kind, p.rights])).toEqual([
      [villageA.id, 'secretary', ['work_items', 'supervise']],
      [town.id, 'organising_member', ['supervise']],
      [villageA.id, 'party_worker', ['work_items']],
    ]);
  });

  it('keeps a subtree administrator inside their subtree, for the person and for each position', async () => {
    const { useCase, organisations, users, villageA, villageB } = await setUp();
    const add = new AddUserUseCase(users, organisations, {
      findViewer: async (userId) => ({
        userId,
        positions: [
          { organisationId: villageA.id, organisationPath: villageA.path, kind: 'admin', rights: [] },
        ],
      }),
    });
    const by = { userId: '00000000-0000-4000-8000-0000000000aa' };
    expect((await add.execute(command({ by }))).organisationId).toBe(villageA.id);
    await expect(
      add.execute(command({ by, username: 'other', organisation: { id: villageB.id } })),
    ).rejects.toMatchObject({ code: 'ORGANISATION_NOT_FOUND' });
    await expect(
      add.execute(
        command({
          by,
          username: 'other',
          positions: [{ kind: '书记', organisation: { name: '乙村党支部' } }],
        }),
      ),
    ).rejects.toMatchObject({ code: 'ORGANISATION_NOT_FOUND' });
    expect(users.rows.map((u) => u.username)).toEqual(['zhangsan']);
    void useCase;
  });
});
