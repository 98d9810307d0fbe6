import { adminWorld } from '../testing/admin-fixtures';
import { requireOrganisationNamed } from './require-organisation-named';

describe('requireOrganisationNamed', () => {
  it('finds the organisation by its trimmed name within the scope', async () => {
    const { organisations, villageA, supervisor } = await adminWorld();
    expect((await requireOrganisationNamed(organisations, 'operator', ' 甲村党支部 ')).id).toBe(villageA.id);
    expect((await requireOrganisationNamed(organisations, supervisor, '甲村党支部')).id).toBe(villageA.id);
  });

  it('refuses an unknown name, or one outside the scope, with ORGANISATION_NOT_FOUND and how to add it', async () => {
    const { organisations, secretary } = await adminWorld();
    await expect(requireOrganisationNamed(organisations, 'operator', '无此支部')).rejects.toMatchObject({
      code: 'ORGANISATION_NOT_FOUND',
      message: '组织"无此支部"不存在：请检查名称，或先用 "rectify orgs add" 添加该组织。',
    });
    await expect(requireOrganisationNamed(organisations, secretary, '乙村党支部')).rejects.toMatchObject({
      code: 'ORGANISATION_NOT_FOUND',
    });
  });
});
