import {
  type Database,
  PgOrganisationPeopleRepository,
  PgReminderSubjectsRepository,
} from '@rectify/persistence';
import {
  REMINDER_BACKENDS,
  type ReminderWorld,
  seedReminderWorld,
} from '../../support/reminder-repository-fixture';

// The people of an organisation (home organisation or a position there, active only) and the
// measures' 责任人 as reminder recipients, on PostgreSQL and on PGlite.
describe.each(REMINDER_BACKENDS)('responsible people on %s', (_name, open) => {
  let db: Database;
  let close: () => Promise<void>;
  let w: ReminderWorld;
  beforeAll(async () => {
    ({ db, close } = await open());
    w = await seedReminderWorld(db);
    const q = (sql: string, params: unknown[]) => db.dataSource.query(sql, params);
    const { sec, mute, parentSup, grandSup } = w.people;
    // 党委's supervisor is also 组织委员 of 一支部; 一支部's `mute` has left.
    await q(`INSERT INTO position (user_id, organisation_id, kind) VALUES ($1, $2, 'organising_member')`, [
      grandSup.userId,
      w.orgs.branch.id,
    ]);
    await q(`UPDATE app_user SET disabled = true WHERE id = $1`, [mute.userId]);
    const measure = (seq: number, title: string, userId: string | null) =>
      q(
        `INSERT INTO measure (item_id, seq, title, detail, responsible, responsible_user_id, deadline)
         VALUES ($1, $2, $3, '', '某人', $4, '2025-03-14')`,
        [w.items.owned, seq, title, userId],
      );
    await measure(1, '措施甲', sec.userId);
    await measure(2, '措施乙', parentSup.userId);
    await measure(3, '措施丙', parentSup.userId);
    await measure(4, '措施丁', mute.userId);
    await measure(5, '措施戊', null);
  });
  afterAll(() => close());

  it('lists an organisation’s active people by name, with their positions in it, bounded by the limit', async () => {
    const repo = new PgOrganisationPeopleRepository(db.dataSource);
    const { sec, grandSup } = w.people;
    expect(await repo.list(w.orgs.branch.id, 10)).toEqual([
      { id: grandSup.userId, displayName: 'grandSup的名字', positions: ['organising_member'] },
      { id: sec.userId, displayName: 'sec的名字', positions: ['secretary'] },
    ]);
    expect(await repo.list(w.orgs.branch.id, 1)).toHaveLength(1);
  });

  it('adds the measures’ active 责任人 to the recipients, each once per item', async () => {
    const repo = new PgReminderSubjectsRepository(db.dataSource);
    const recipients = await repo.recipients('operator', [w.items.owned, w.items.unowned]);
    expect([...(recipients.get(w.items.owned)?.get('responsible') ?? [])].sort()).toEqual(
      [w.people.sec.userId, w.people.parentSup.userId].sort(),
    );
    expect(recipients.get(w.items.owned)?.get('owner')).toEqual([w.people.sec.userId]);
    expect(recipients.get(w.items.unowned)?.has('responsible')).toBe(false);
  });

  it('names the measures a person is responsible for, per item, in order', async () => {
    const repo = new PgReminderSubjectsRepository(db.dataSource);
    const theirs = await repo.responsibleMeasures('operator', w.people.parentSup.userId, [
      w.items.owned,
      w.items.unowned,
    ]);
    expect(theirs).toEqual(new Map([[w.items.owned, ['措施乙', '措施丙']]]));
    expect(await repo.responsibleMeasures('operator', w.people.parentSup.userId, [])).toEqual(new Map());
  });
});
