import { randomUUID } from 'node:crypto';
import { type Database, PgDirectoryImportRepository, PgOrganisationsRepository } from '@rectify/persistence';
import { REPOSITORY_BACKENDS } from '../../support/scope-tree-fixture';

describe.each(REPOSITORY_BACKENDS)('directory import repository on %s', (_name, open) => {
  let db: Database;
  let repo: PgDirectoryImportRepository;
  let townId: string;
  let townPath: string;
  let tag: string;
  beforeAll(async () => {
    db = await open();
    repo = new PgDirectoryImportRepository(db.dataSource);
    tag = randomUUID().slice(0, 8);
    const town = await new PgOrganisationsRepository(db.dataSource).add({
      name: `镇党委-${tag}`,
      kind: 'committee',
      parentName: null,
    });
    if (town.kind !== 'added') throw new Error('seed');
    [townId, townPath] = [town.organisation.id, town.organisation.path];
  });
  afterAll(() => db.close());

  const plan = () => ({
    organisations: [
      { name: `村党总支-${tag}`, kind: 'general_branch' as const, parent: { existingId: townId } },
      { name: `村党支部-${tag}`, kind: 'branch' as const, parent: { newName: `村党总支-${tag}` } },
    ],
    people: [
      {
        username: `zs-${tag}`,
        displayName: '张三',
        phone: '13800138000',
        email: null,
        home: { newName: `村党支部-${tag}` },
        passwordHash: '$2b$06$abcdefghijklmnopqrstuu5Wq1v2jvXJ3e7lF0n3u7o6iG0yQ5H5a',
      },
    ],
    positions: [
      {
        person: { newUsername: `zs-${tag}` },
        organisation: { newName: `村党支部-${tag}` },
        organisationKind: 'branch' as const,
        kind: 'secretary' as const,
        worksItems: true,
        supervises: true,
      },
      {
        person: { newUsername: `zs-${tag}` },
        organisation: { newName: `村党总支-${tag}` },
        organisationKind: 'general_branch' as const,
        kind: 'organising_member' as const,
        worksItems: false,
        supervises: true,
      },
    ],
  });

  it('writes organisations parent-first with their paths, the accounts and the positions, and reads them back', async () => {
    expect(await repo.write(plan())).toEqual({ kind: 'written', organisations: 2, people: 1, positions: 2 });
    const snap = await repo.snapshot({
      organisationNames: [`村党总支-${tag}`, `村党支部-${tag}`],
      usernames: [`zs-${tag}`],
    });
    const general = snap.organisations.get(`村党总支-${tag}`)!;
    const branch = snap.organisations.get(`村党支部-${tag}`)!;
    expect(general).toMatchObject({
      kind: 'general_branch',
      parentName: `镇党委-${tag}`,
      path: `${townPath}${general.id}/`,
    });
    expect(branch).toMatchObject({
      parentName: `村党总支-${tag}`,
      path: `${general.path}${branch.id}/`,
      disabled: false,
    });
    const person = snap.people.get(`zs-${tag}`)!;
    expect(person).toMatchObject({ displayName: '张三', phone: '13800138000', email: null });
    expect([...snap.positions].sort()).toEqual(
      [`${person.id}|${branch.id}|secretary`, `${person.id}|${general.id}|organising_member`].sort(),
    );
    const [user] = await db.dataSource.query(
      `SELECT must_change_password, organisation_id FROM app_user WHERE id = $1`,
      [person.id],
    );
    expect(user).toEqual({ must_change_password: true, organisation_id: branch.id });
  });

  it('writes nothing when a name was taken after the check', async () => {
    const taken = plan();
    // The second organisation's name is the 镇's own: someone created it after the check.
    taken.organisations = [
      { name: `独立党支部-${tag}`, kind: 'general_branch', parent: { existingId: townId } },
      { name: `镇党委-${tag}`, kind: 'branch', parent: { newName: `独立党支部-${tag}` } },
    ];
    taken.people[0] = { ...taken.people[0], username: `ls-${tag}`, home: { newName: `独立党支部-${tag}` } };
    taken.positions = [
      {
        ...taken.positions[0],
        person: { newUsername: `ls-${tag}` },
        organisation: { newName: `独立党支部-${tag}` },
      },
    ];
    expect(await repo.write(taken)).toEqual({ kind: 'changed_meanwhile' });
    const snap = await repo.snapshot({ organisationNames: [`独立党支部-${tag}`], usernames: [`ls-${tag}`] });
    expect(snap.organisations.size + snap.people.size).toBe(0);
  });
});
