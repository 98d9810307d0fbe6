import { randomUUID } from 'node:crypto';
import { type Database, type OrganisationRecord, PgOrganisationsRepository } from '@rectify/persistence';
import { type ReadScope, type Viewer } from '@rectify/workflow';
import { REPOSITORY_BACKENDS } from '../../support/scope-tree-fixture';
import { type TestRole } from '../../support/admin-fixtures';
import { testViewer } from '../../support/test-viewer';

describe.each(REPOSITORY_BACKENDS)('organisations repository on %s', (_name, open) => {
  let db: Database;
  let repo: PgOrganisationsRepository;
  let tag: string;
  let town: OrganisationRecord;
  let general: OrganisationRecord;
  let branchA: OrganisationRecord;
  let branchB: OrganisationRecord;
  let otherTown: OrganisationRecord;
  const named = (name: string) => `${name}-${tag}`;
  const viewer = (role: TestRole, org: OrganisationRecord): Viewer => testViewer(randomUUID(), role, org);
  const add = async (name: string, parent: OrganisationRecord | null, kind: OrganisationRecord['kind']) => {
    const outcome = await repo.add({ name: named(name), kind, parentName: parent?.name ?? null });
    if (outcome.kind !== 'added') throw new Error(`seed: ${outcome.kind}`);
    return outcome.organisation;
  };
  const mine = <T extends { name: string }>(rows: T[]) => rows.filter((r) => r.name.endsWith(`-${tag}`));

  beforeAll(async () => {
    db = await open();
    repo = new PgOrganisationsRepository(db.dataSource);
    tag = randomUUID().slice(0, 8);
    town = await add('镇党委', null, 'committee');
    general = await add('村党总支', town, 'general_branch');
    branchA = await add('甲村党支部', general, 'branch');
    branchB = await add('乙村党支部', general, 'branch');
    otherTown = await add('外镇党委', null, 'committee');
  });
  afterAll(() => db.close());

  it('adds with the path of ids from the root down, the parent id and the kind given', async () => {
    expect(town).toMatchObject({ parentId: null, path: `/${town.id}/`, kind: 'committee' });
    expect(general).toMatchObject({ parentId: town.id, path: `/${town.id}/${general.id}/` });
    expect(branchA.path).toBe(`/${town.id}/${general.id}/${branchA.id}/`);
    expect(await repo.findById('operator', branchA.id)).toMatchObject({
      name: named('甲村党支部'),
      kind: 'branch',
      parentId: general.id,
      path: branchA.path,
      createdAt: expect.any(Date),
    });
  });

  it('refuses a taken name or an unknown parent and writes nothing', async () => {
    expect(await repo.add({ name: named('甲村党支部'), kind: 'branch', parentName: null })).toEqual({
      kind: 'name_taken',
    });
    expect(
      await repo.add({ name: named('丙村党支部'), kind: 'branch', parentName: named('无此党委') }),
    ).toEqual({
      kind: 'parent_not_found',
    });
    expect(await repo.findByName('operator', named('丙村党支部'))).toBeNull();
  });

  it('finds by name or id only within the scope', async () => {
    const cases: [ReadScope, OrganisationRecord[]][] = [
      ['operator', [town, general, branchA, branchB, otherTown]],
      // The root administrator every tree; any other one the subtree of their organisation.
      [viewer('admin', town), [town, general, branchA, branchB, otherTown]],
      [viewer('admin', general), [general, branchA, branchB]],
      [viewer('supervisor', general), [general, branchA, branchB]],
      [viewer('secretary', branchA), [branchA]],
    ];
    for (const [scope, visible] of cases) {
      for (const org of [town, general, branchA, branchB, otherTown]) {
        const expected = visible.includes(org) ? org.id : null;
        expect((await repo.findByName(scope, org.name))?.id ?? null).toBe(expected);
        expect((await repo.findById(scope, org.id))?.id ?? null).toBe(expected);
      }
    }
    expect(await repo.findById('operator', randomUUID())).toBeNull();
  });

  it('lists the tree rows within the scope ordered by name, and the organisations by path', async () => {
    const supervisor = viewer('supervisor', general);
    expect(mine(await repo.listTree(supervisor))).toEqual(
      [general, branchB, branchA]
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .map(({ id, name, kind, parentId }) => ({ id, name, kind, parentId, disabled: false })),
    );
    expect(mine(await repo.listTree(viewer('secretary', branchB))).map((o) => o.id)).toEqual([branchB.id]);
    const byPath = mine(await repo.listByPath('operator'));
    // A parent before its children (ordered by path; the collation decides between unrelated paths).
    expect(byPath.findIndex((o) => o.id === general.id)).toBeLessThan(
      byPath.findIndex((o) => o.id === branchB.id),
    );
    expect(byPath.findIndex((o) => o.id === town.id)).toBeLessThan(
      byPath.findIndex((o) => o.id === branchA.id),
    );
    expect(new Set(mine(await repo.listByPath(supervisor)).map((o) => o.id))).toEqual(
      new Set([general.id, branchA.id, branchB.id]),
    );
  });

  it('renames and changes the kind; a taken name is refused and nothing changes', async () => {
    const c = await add('丙村党支部', town, 'branch');
    expect(await repo.edit(c.id, { name: named('丙村第一党支部'), kind: 'working_committee' })).toEqual({
      kind: 'edited',
      organisation: { ...c, name: named('丙村第一党支部'), kind: 'working_committee' },
    });
    expect(await repo.edit(c.id, { name: named('甲村党支部') })).toEqual({ kind: 'name_taken' });
    expect((await repo.findById('operator', c.id))?.name).toBe(named('丙村第一党支部'));
    expect(await repo.edit(randomUUID(), { kind: 'branch' })).toEqual({ kind: 'not_found' });
  });

  it('moves a subtree, rewriting every path below; refuses a cycle, a root and a disabled parent', async () => {
    const d = await add('丁村党总支', town, 'general_branch');
    const dBranch = await add('丁村党支部', d, 'branch');
    const moved = await repo.move(d.id, otherTown.id);
    expect(moved).toEqual({
      kind: 'moved',
      organisation: { ...d, parentId: otherTown.id, path: `${otherTown.path}${d.id}/` },
    });
    expect((await repo.findById('operator', dBranch.id))?.path).toBe(
      `${otherTown.path}${d.id}/${dBranch.id}/`,
    );
    expect((await repo.findById('operator', branchA.id))?.path).toBe(branchA.path);
    expect(await repo.move(d.id, dBranch.id)).toEqual({ kind: 'cycle' });
    expect(await repo.move(d.id, d.id)).toEqual({ kind: 'cycle' });
    expect(await repo.move(town.id, otherTown.id)).toEqual({ kind: 'is_root' });
    expect(await repo.move(d.id, randomUUID())).toEqual({ kind: 'parent_not_found' });
    expect(await repo.setDisabled(dBranch.id, true)).toMatchObject({
      kind: 'done',
      organisation: { disabled: true },
    });
    expect(await repo.move(branchB.id, dBranch.id)).toEqual({ kind: 'parent_disabled' });
    expect(await repo.add({ name: named('戊'), kind: 'branch', parentName: dBranch.name })).toEqual({
      kind: 'parent_disabled',
    });
  });

  it('disables only a non-root organisation with nothing active below, enables only below an active parent', async () => {
    const e = await add('戊村党总支', town, 'general_branch');
    const eBranch = await add('戊村党支部', e, 'branch');
    expect(await repo.setDisabled(town.id, true)).toEqual({ kind: 'is_root' });
    expect(await repo.setDisabled(e.id, true)).toEqual({ kind: 'has_active_children', count: 1 });
    expect((await repo.setDisabled(eBranch.id, true)).kind).toBe('done');
    expect((await repo.setDisabled(e.id, true)).kind).toBe('done');
    expect(await repo.setDisabled(eBranch.id, false)).toEqual({ kind: 'parent_disabled' });
    expect((await repo.listTree('operator')).find((r) => r.id === e.id)?.disabled).toBe(true);
    expect(await repo.setDisabled(e.id, false)).toMatchObject({
      kind: 'done',
      organisation: { disabled: false },
    });
  });
});
