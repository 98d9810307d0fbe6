import { adminWorld } from '../testing/admin-fixtures';
import { SetOrganisationActiveUseCase } from './set-organisation-active.usecase';

describe('SetOrganisationActiveUseCase', () => {
  it('disables an organisation with nothing active below it and enables it again', async () => {
    const { organisations, viewers, villageA } = await adminWorld();
    const useCase = new SetOrganisationActiveUseCase(organisations, viewers);
    const off = await useCase.execute({ by: 'operator', organisation: { id: villageA.id }, active: false });
    expect(off).toMatchObject({ id: villageA.id, disabled: true });
    const on = await useCase.execute({ by: 'operator', organisation: { id: villageA.id }, active: true });
    expect(on.disabled).toBe(false);
  });

  it('refuses a root, one with active organisations below (saying how many), and enabling below a disabled parent', async () => {
    const { organisations, viewers, town, villageA } = await adminWorld();
    const useCase = new SetOrganisationActiveUseCase(organisations, viewers);
    await expect(
      useCase.execute({ by: 'operator', organisation: { id: town.id }, active: false }),
    ).rejects.toMatchObject({ code: 'ORGANISATION_IS_ROOT' });
    const group = await organisations.add({
      name: '甲村第一党小组',
      kind: 'branch',
      parentName: '甲村党支部',
    });
    if (group.kind !== 'added') throw new Error(group.kind);
    await expect(
      useCase.execute({ by: 'operator', organisation: { id: villageA.id }, active: false }),
    ).rejects.toMatchObject({
      code: 'ORGANISATION_HAS_ACTIVE_CHILDREN',
      message: '"甲村党支部"下还有 1 个在用的下级组织：请先停用或移走这些下级组织。',
    });
    await useCase.execute({ by: 'operator', organisation: { id: group.organisation.id }, active: false });
    await useCase.execute({ by: 'operator', organisation: { id: villageA.id }, active: false });
    await expect(
      useCase.execute({ by: 'operator', organisation: { id: group.organisation.id }, active: true }),
    ).rejects.toMatchObject({ code: 'ORGANISATION_DISABLED' });
  });
});
