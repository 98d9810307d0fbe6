import { type Database, PgReminderSubjectsRepository, type RecipientsByRole } from '@rectify/persistence';
import { type Recipient } from '@rectify/domain';
import {
  REMINDER_BACKENDS,
  type ReminderWorld,
  seedReminderWorld,
} from '../../support/reminder-repository-fixture';

describe.each(REMINDER_BACKENDS)('reminder subjects on %s', (_name, open) => {
  let db: Database;
  let close: () => Promise<void>;
  let w: ReminderWorld;
  let repo: PgReminderSubjectsRepository;
  beforeAll(async () => {
    ({ db, close } = await open());
    w = await seedReminderWorld(db);
    repo = new PgReminderSubjectsRepository(db.dataSource);
  });
  afterAll(() => close());

  it("reads items' schedules by id: deadline and status, a long-term item's last review from its history", async () => {
    const { owned, longTerm, identified } = w.items;
    const subjects = await repo.subjects('operator', [
      owned,
      longTerm,
      identified,
      '00000000-0000-4000-8000-000000000000',
    ]);
    expect([...subjects.keys()].sort()).toEqual([owned, longTerm, identified].sort());
    expect(subjects.get(owned)).toMatchObject({
      status: 'measures_set',
      deadline: w.deadline,
      reviewIntervalDays: null,
    });
    // 03:00 UTC is 11:00 in Shanghai, the same day.
    expect(subjects.get(longTerm)).toMatchObject({
      status: 'long_term',
      reviewIntervalDays: 30,
      lastReviewedOn: '2025-01-10',
    });
    expect(await repo.subjects('operator', [])).toEqual(new Map());
  });

  it('lists the open subjects: items with measures and a deadline, and long-term items; not identified ones', async () => {
    const open = await repo.openSubjects('operator');
    expect(open.map((s) => s.itemId).sort()).toEqual(
      [w.items.owned, w.items.unowned, w.items.longTerm, w.items.other].sort(),
    );
    const byId = await repo.subjects('operator', [w.items.longTerm]);
    expect(open.find((s) => s.itemId === w.items.longTerm)).toEqual(byId.get(w.items.longTerm));
  });

  it("finds each item's recipients by role: the owner, or the secretaries while nobody owns it, and the supervisors above", async () => {
    const { sec, mute, otherSec, parentSup, grandSup } = w.people;
    const recipients = await repo.recipients('operator', [w.items.owned, w.items.unowned, w.items.other]);
    const sorted = (m: Map<string, string[]> | undefined) =>
      Object.fromEntries(
        [...(m ?? new Map<string, string[]>())].map(([role, ids]) => [role, [...ids].sort()]),
      );
    const secretaries = [sec.userId, mute.userId].sort();
    expect(sorted(recipients.get(w.items.owned))).toEqual({
      owner: [sec.userId],
      secretary: secretaries,
      parent_supervisors: [parentSup.userId],
      grandparent_supervisors: [grandSup.userId],
    });
    expect(sorted(recipients.get(w.items.unowned))).toMatchObject({
      owner: secretaries,
      secretary: secretaries,
    });
    // 二支部's parent is 党总支 too; its grandparent 党委.
    expect(sorted(recipients.get(w.items.other))).toEqual({
      owner: [otherSec.userId],
      secretary: [otherSec.userId],
      parent_supervisors: [parentSup.userId],
      grandparent_supervisors: [grandSup.userId],
    });
  });

  it('reads only the roles asked for: the owner (secretaries for an unowned item), or the supervisors alone', async () => {
    const { sec, mute, parentSup, grandSup } = w.people;
    const items = [w.items.owned, w.items.unowned];
    const roles = (m: Map<string, Map<string, string[]>>) =>
      Object.fromEntries(
        [...m].map(([id, byRole]) => [
          id,
          Object.fromEntries([...byRole].map(([r, ids]) => [r, [...ids].sort()])),
        ]),
      );
    expect(roles(await repo.recipients('operator', items, ['owner']))).toEqual({
      [w.items.owned]: { owner: [sec.userId] },
      [w.items.unowned]: { owner: [sec.userId, mute.userId].sort() },
    });
    expect(roles(await repo.recipients('operator', items, ['secretary']))).toEqual({
      [w.items.owned]: { secretary: [sec.userId, mute.userId].sort() },
      [w.items.unowned]: { secretary: [sec.userId, mute.userId].sort() },
    });
    expect(
      roles(
        await repo.recipients('operator', [w.items.owned], ['parent_supervisors', 'grandparent_supervisors']),
      ),
    ).toEqual({
      [w.items.owned]: { parent_supervisors: [parentSup.userId], grandparent_supervisors: [grandSup.userId] },
    });
    expect(await repo.recipients('operator', items, [])).toEqual(new Map());
  });

  it("reads a due batch in one statement: the items' subjects and recipients in the roles asked for, as the separate reads give them", async () => {
    const ids = [w.items.owned, w.items.unowned, w.items.longTerm, w.items.other, w.items.identified];
    const sorted = (m: RecipientsByRole | undefined) =>
      Object.fromEntries([...(m ?? new Map<string, string[]>())].map(([role, u]) => [role, [...u].sort()]));
    const roleSets: Recipient[][] = [
      ['owner'],
      ['owner', 'responsible', 'secretary'],
      ['owner', 'secretary', 'parent_supervisors', 'grandparent_supervisors'],
      [],
    ];
    for (const roles of roleSets) {
      const batch = await repo.dueItems('operator', [...ids, '00000000-0000-4000-8000-000000000000'], roles);
      const subjects = await repo.subjects('operator', ids);
      const recipients = await repo.recipients('operator', ids, roles);
      expect([...batch.keys()].sort()).toEqual([...subjects.keys()].sort());
      for (const id of subjects.keys()) {
        expect(batch.get(id)!.subject).toEqual(subjects.get(id));
        expect(sorted(batch.get(id)!.recipients)).toEqual(sorted(recipients.get(id)));
      }
    }
    expect(
      sorted((await repo.dueItems('operator', [w.items.owned], ['owner'])).get(w.items.owned)!.recipients),
    ).toEqual({
      owner: [w.people.sec.userId],
    });
    expect(await repo.dueItems('operator', [], ['owner'])).toEqual(new Map());

    // A withdrawn item (撤销) is absent, as from `subjects`.
    await db.dataSource.query(
      `UPDATE rectification_item SET withdrawn_at = now(), withdraw_reason = '重复录入' WHERE id = $1`,
      [w.items.other],
    );
    try {
      expect((await repo.dueItems('operator', ids, ['owner'])).has(w.items.other)).toBe(false);
    } finally {
      await db.dataSource.query(
        `UPDATE rectification_item SET withdrawn_at = NULL, withdraw_reason = NULL WHERE id = $1`,
        [w.items.other],
      );
    }
  });

  it('leaves out a disabled account that still holds its position', async () => {
    const { sec, mute } = w.people;
    await db.dataSource.query(`UPDATE app_user SET disabled = true WHERE id = $1`, [mute.userId]);
    try {
      const recipients = await repo.recipients('operator', [w.items.unowned]);
      expect(recipients.get(w.items.unowned)?.get('secretary')).toEqual([sec.userId]);
      expect(recipients.get(w.items.unowned)?.get('owner')).toEqual([sec.userId]);
    } finally {
      await db.dataSource.query(`UPDATE app_user SET disabled = false WHERE id = $1`, [mute.userId]);
    }
  });
});
