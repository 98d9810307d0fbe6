import { InMemoryUsersRepository } from '../testing/in-memory-users.repository';
import { FindSessionUserUseCase } from './find-session-user.usecase';

describe('FindSessionUserUseCase', () => {
  it('returns the session fields as stored now, and null for an unknown id', async () => {
    const users = new InMemoryUsersRepository();
    const user = await users.add({
      username: 'lisi',
      displayName: '李四',
      positions: [
        {
          organisationId: '00000000-0000-4000-8000-00000000000a',
          kind: 'organising_member',
          rights: ['supervise'],
        },
      ],
      organisationId: '00000000-0000-4000-8000-00000000000a',
      email: 'l@example.org',
      passwordHash: 'x',
    });
    const sessions = new FindSessionUserUseCase(users);
    expect(await sessions.execute(user.id)).toEqual({
      id: user.id,
      username: 'lisi',
      positions: [
        {
          organisationId: '00000000-0000-4000-8000-00000000000a',
          organisationPath: '',
          kind: 'organising_member',
          rights: ['supervise'],
        },
      ],
      disabled: false,
      tokenVersion: 0,
      mustChangePassword: false,
    });
    await users.setPasswordHash('lisi', 'y');
    expect((await sessions.execute(user.id))?.tokenVersion).toBe(1);
    expect(await sessions.execute('33333333-3333-4333-8333-333333333333')).toBeNull();
  });

  it('answers null for a subject that is not a uuid without looking it up', async () => {
    const users = new InMemoryUsersRepository();
    expect(await new FindSessionUserUseCase(users).execute("1' OR '1'='1")).toBeNull();
    expect(users.calls.findSession).toBe(0);
  });
});
