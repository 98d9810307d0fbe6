import { adminWorld } from '../testing/admin-fixtures';
import { GetProfileUseCase } from './get-profile.usecase';

describe('GetProfileUseCase', () => {
  it('returns the user with their organisation, positions and what those let them do, and null once the account is gone', async () => {
    const { users, organisations, villageA, town } = await adminWorld();
    const user = await users.add({
      username: 'lisi',
      displayName: '李四',
      positions: [
        { organisationId: villageA.id, kind: 'secretary', rights: ['work_items', 'supervise'] },
        { organisationId: town.id, kind: 'discipline_member', rights: [] },
      ],
      organisationId: villageA.id,
      email: null,
      passwordHash: 'h',
    });
    const profiles = new GetProfileUseCase(users, organisations);
    expect(await profiles.execute({ userId: user.id })).toEqual({
      id: user.id,
      username: 'lisi',
      displayName: '李四',
      email: null,
      organisation: { id: villageA.id, name: '甲村党支部', kind: 'branch' },
      positions: [
        {
          organisationId: villageA.id,
          organisationName: '甲村党支部',
          kind: 'secretary',
          rights: ['work_items', 'supervise'],
        },
        {
          organisationId: town.id,
          organisationName: '镇党委',
          kind: 'discipline_member',
          rights: [],
        },
      ],
      // 督办 in a branch supervises nobody: no organisation is below it.
      capabilities: { worksItems: true, supervises: false, administers: false, operatesSystem: false },
      mustChangePassword: false,
    });
    expect(await profiles.execute({ userId: '55555555-5555-4555-8555-555555555555' })).toBeNull();
  });

  it('counts 督办 as supervising only where organisations are below', async () => {
    const { users, organisations, town } = await adminWorld();
    const user = await users.add({
      username: 'wang',
      displayName: '王书记',
      positions: [{ organisationId: town.id, kind: 'secretary', rights: ['work_items', 'supervise'] }],
      organisationId: town.id,
      email: null,
      passwordHash: 'h',
    });
    const profile = await new GetProfileUseCase(users, organisations).execute({ userId: user.id });
    expect(profile?.capabilities).toEqual({
      worksItems: true,
      supervises: true,
      administers: false,
      operatesSystem: false,
    });
  });
});
