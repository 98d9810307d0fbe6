import { adminWorld } from '../testing/admin-fixtures';
import { ListOrganisationsUseCase } from './list-organisations.usecase';

describe('ListOrganisationsUseCase', () => {
  it('lists every organisation, a parent before its children, with its depth', async () => {
    const { organisations } = await adminWorld();
    await organisations.add({ name: '甲村第一党小组', kind: 'branch', parentName: '甲村党支部' });
    const listed = await new ListOrganisationsUseCase(organisations).execute();
    expect(listed[0]).toMatchObject({ name: '镇党委', depth: 0, parentId: null });
    const depthOf = (name: string) => listed.find((o) => o.name === name)?.depth;
    expect([depthOf('甲村党支部'), depthOf('乙村党支部'), depthOf('甲村第一党小组')]).toEqual([1, 1, 2]);
    const index = (name: string) => listed.findIndex((o) => o.name === name);
    expect(index('甲村党支部')).toBeLessThan(index('甲村第一党小组'));
  });
});
