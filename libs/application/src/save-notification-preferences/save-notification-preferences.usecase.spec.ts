import { DEFAULT_NOTIFICATION_PREFERENCES } from '@rectify/domain';
import { GetNotificationPreferencesUseCase } from '../get-notification-preferences/get-notification-preferences.usecase';
import { InMemoryNotificationPreferencesRepository } from '../testing/in-memory-notification-preferences.repository';
import { SaveNotificationPreferencesUseCase } from './save-notification-preferences.usecase';

describe('SaveNotificationPreferencesUseCase', () => {
  it('gives the defaults until the person saves, then what they saved, kinds in vocabulary order and once each', async () => {
    const preferences = new InMemoryNotificationPreferencesRepository();
    const get = new GetNotificationPreferencesUseCase(preferences);
    expect(await get.execute({ userId: 'u' })).toEqual(DEFAULT_NOTIFICATION_PREFERENCES);
    const saved = await new SaveNotificationPreferencesUseCase(preferences).execute({
      userId: 'u',
      emailMode: 'digest',
      emailKinds: ['signed_off', 'submitted', 'signed_off'],
    });
    expect(saved).toEqual({ emailMode: 'digest', emailKinds: ['submitted', 'signed_off'] });
    expect(await get.execute({ userId: 'u' })).toEqual(saved);
    expect(await get.execute({ userId: 'someone else' })).toEqual(DEFAULT_NOTIFICATION_PREFERENCES);
  });

  it('refuses an unknown mode and a kind that does not go by email, in Chinese', async () => {
    const save = new SaveNotificationPreferencesUseCase(new InMemoryNotificationPreferencesRepository());
    await expect(save.execute({ userId: 'u', emailMode: 'weekly', emailKinds: [] })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('邮件通知方式无效：可选 immediate（即时发送）'),
    });
    // The deadline tiers go in the daily digest, never by this choice.
    await expect(
      save.execute({ userId: 'u', emailMode: 'off', emailKinds: ['overdue'] }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { field: 'emailKinds', unknown: ['overdue'] },
    });
  });
});
