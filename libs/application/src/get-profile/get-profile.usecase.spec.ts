import { adminWorld } from '../testing/admin-fixtures';
import { GetProfileUseCase } from './get-profile.usecase';

describe('GetProfileUseCase', () => {
  it('returns the user with their organisation, whatever their role, and null once the account is gone', async () => {
    const { users, organisations, villageA } = await adminWorld();
    const user = await users.add({
      username: 'lisi',
      displayName: '李四',
      role: 'secretary',
      organisationId: villageA.id,
      email: null,
      passwordHash: 'h',
    });
    const profiles = new GetProfileUseCase(users, organisations);
    expect(await profiles.execute({ userId: user.id })).toEqual({
      id: user.id,
      username: 'lisi',
      displayName: '李四',
      role: 'secretary',
      organisation: { id: villageA.id, name: '甲村党支部', kind: 'branch' },
      mustChangePassword: false,
    });
    expect(await profiles.execute({ userId: '55555555-5555-4555-8555-555555555555' })).toBeNull();
  });
});
