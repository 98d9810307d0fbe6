import { adminWorld } from '../testing/admin-fixtures';
import { EditOrganisationUseCase } from './edit-organisation.usecase';

describe('EditOrganisationUseCase', () => {
  it('renames (cleaned, trimmed) and changes the kind, including to 党工委', async () => {
    const { organisations, viewers, villageA, admin } = await adminWorld();
    const useCase = new EditOrganisationUseCase(organisations, viewers);
    const renamed = await useCase.execute({
      by: { userId: admin.userId },
      organisation: { id: villageA.id },
      name: ' 甲村\u0007新党支部 ',
    });
    expect(renamed).toMatchObject({
      id: villageA.id,
      name: '甲村新党支部',
      kind: 'branch',
      path: villageA.path,
    });
    const rekinded = await useCase.execute({
      by: 'operator',
      organisation: { name: '镇党委' },
      kind: 'working_committee',
    });
    expect(rekinded.kind).toBe('working_committee');
  });

  it('refuses a name another organisation has with ORGANISATION_EXISTS, an empty name or no change with INVALID_ARGUMENT', async () => {
    const { organisations, viewers, villageA } = await adminWorld();
    const useCase = new EditOrganisationUseCase(organisations, viewers);
    await expect(
      useCase.execute({ by: 'operator', organisation: { id: villageA.id }, name: '乙村党支部' }),
    ).rejects.toMatchObject({
      code: 'ORGANISATION_EXISTS',
      message: '组织名称"乙村党支部"已被使用：请换一个名称。',
    });
    for (const change of [{ name: '  ' }, {}]) {
      await expect(
        useCase.execute({ by: 'operator', organisation: { id: villageA.id }, ...change }),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
    expect(organisations.rows.find((o) => o.id === villageA.id)?.name).toBe('甲村党支部');
  });
});
