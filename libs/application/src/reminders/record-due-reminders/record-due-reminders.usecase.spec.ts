import { InMemoryReminderLedgerRepository } from '../../testing/in-memory-reminder-ledger.repository';
import { InMemoryReminderQueues } from '../../testing/in-memory-reminder-queues';
import { InMemoryReminderSubjectsRepository } from '../../testing/in-memory-reminder-subjects.repository';
import {
  DEADLINE,
  measuresSet,
  POISON_DEADLINE,
  reminderSettings,
  TODAY,
  uuid,
} from '../../testing/reminder-fixtures';
import { digestJobId, type ReminderJobData } from '../reminder-jobs';
import { RecordDueRemindersUseCase, ReminderFailure } from './record-due-reminders.usecase';

const OWNER = uuid(1, 'a');
const SECRETARY = uuid(2, 'a');
const NO_EMAIL = uuid(3, 'a');
const ITEM = uuid(1);
const OTHER_ITEM = uuid(2);

const job = (itemId: string, kind: ReminderJobData['kind'] = 'approaching'): ReminderJobData => ({
  itemId,
  kind,
  dueDate: DEADLINE,
  sendOn: TODAY,
});

function setUp() {
  const ledger = new InMemoryReminderLedgerRepository(
    new Map([
      [OWNER, { username: 'owner', displayName: '张三', email: 'owner@example.com' }],
      [SECRETARY, { username: 'sec', displayName: '李四', email: 'sec@example.com' }],
      [NO_EMAIL, { username: 'nomail', displayName: '王五', email: null }],
    ]),
  );
  const subjects = new InMemoryReminderSubjectsRepository()
    .add(measuresSet(ITEM), { owner: [OWNER], secretary: [SECRETARY] })
    .add(measuresSet(OTHER_ITEM), { owner: [OWNER] });
  const queues = new InMemoryReminderQueues();
  const settings = reminderSettings();
  const useCase = new RecordDueRemindersUseCase(ledger, subjects, queues, settings);
  return { ledger, subjects, queues, settings, useCase };
}

describe('RecordDueRemindersUseCase', () => {
  it('reminds a measure’s 责任人 from the first tier on, once, even when they are also the owner', async () => {
    const { ledger, subjects, useCase } = setUp();
    subjects.addResponsible(ITEM, NO_EMAIL, ['建立学习制度']).addResponsible(ITEM, OWNER, ['开展专题学习']);
    expect(await useCase.execute([job(ITEM)])).toEqual(['recorded']);
    expect(ledger.rows.map((r) => r.recipientId).sort()).toEqual([OWNER, NO_EMAIL].sort());
  });

  it('records one ledger row per recipient of the tier, and nothing new when the same job runs again', async () => {
    const { ledger, useCase } = setUp();
    expect(await useCase.execute([job(ITEM), job(OTHER_ITEM)])).toEqual(['recorded', 'recorded']);
    // 'approaching' goes to the owner only, not to the secretary.
    expect(ledger.rows.map((r) => [r.recipientId, r.itemId, r.status])).toEqual([
      [OWNER, ITEM, 'pending'],
      [OWNER, OTHER_ITEM, 'pending'],
    ]);
    expect(await useCase.execute([job(ITEM)])).toEqual(['already_recorded']);
    expect(ledger.rows).toHaveLength(2);
  });

  it('before the digest time adds the day’s digest round, one job for every recipient, and asks the ledger nothing', async () => {
    const { ledger, queues, useCase } = setUp();
    const asked = jest.spyOn(ledger, 'waitingRecipients');
    await useCase.execute([job(ITEM, 'due')]);
    await useCase.execute([job(OTHER_ITEM)]);
    expect([...queues.digestRounds.values()]).toEqual([
      { id: `digestround.${TODAY}`, data: { date: TODAY }, runAt: new Date(`${TODAY}T17:00:00+08:00`) },
    ]);
    expect(queues.digests.size).toBe(0);
    expect(asked).not.toHaveBeenCalled();
  });

  it('within ten seconds of the digest time and after it, queues one digest per recipient with waiting rows, named by the rows digests claimed so far', async () => {
    const { ledger, queues, settings, useCase } = setUp();
    // The round may have read the ledger already: too late to count on it.
    settings.clock.at = new Date(`${TODAY}T16:59:55+08:00`);
    await useCase.execute([job(ITEM, 'due')]);
    expect(queues.digestRounds.size).toBe(0);
    expect([...queues.digests.keys()].sort()).toEqual(
      [digestJobId(OWNER, TODAY, 0), digestJobId(SECRETARY, TODAY, 0)].sort(),
    );
    expect(queues.digests.get(digestJobId(OWNER, TODAY, 0))!.runAt).toEqual(
      new Date(`${TODAY}T17:00:00+08:00`),
    );

    // The owner's digest claims its row; a row recorded meanwhile names the next digest, due
    // after the collection window since the digest time has passed.
    await ledger.claimForDigest(OWNER, digestJobId(OWNER, TODAY, 0));
    settings.clock.at = new Date(`${TODAY}T18:00:00+08:00`);
    await useCase.execute([job(OTHER_ITEM)]);
    const followUp = queues.digests.get(digestJobId(OWNER, TODAY, 1));
    expect(followUp?.runAt).toEqual(
      new Date(settings.clock.at.getTime() + settings.digestCollectSeconds * 1000),
    );
  });

  it('after the digest time asks the ledger about a recipient once while the digest it queued is ahead, and again once its time has come', async () => {
    const { ledger, queues, settings, useCase } = setUp();
    settings.clock.at = new Date(`${TODAY}T18:00:00+08:00`);
    const asked = jest.spyOn(ledger, 'waitingRecipients');
    await useCase.execute([job(ITEM)]);
    await useCase.execute([job(OTHER_ITEM)]);
    // The digest queued by the first batch (18:01) claims the second batch's row too.
    expect(asked.mock.calls).toEqual([[[OWNER]]]);
    expect([...queues.digests.keys()]).toEqual([digestJobId(OWNER, TODAY, 0)]);

    // Within the clock margin of the digest's time the ledger is asked again; the first digest
    // has claimed both rows by then, so the next one is named after them.
    await ledger.claimForDigest(OWNER, digestJobId(OWNER, TODAY, 0));
    settings.clock.at = new Date(`${TODAY}T18:00:58+08:00`);
    await useCase.execute([job(ITEM, 'due')]);
    expect(asked).toHaveBeenCalledTimes(2);
    expect(queues.digests.has(digestJobId(OWNER, TODAY, 2))).toBe(true);
  });

  it('asks again after Redis refused the digest', async () => {
    const { ledger, queues, settings, useCase } = setUp();
    settings.clock.at = new Date(`${TODAY}T18:00:00+08:00`);
    const asked = jest.spyOn(ledger, 'waitingRecipients');
    queues.reachable = false;
    await useCase.execute([job(ITEM)]);
    queues.reachable = true;
    await useCase.execute([job(ITEM)]);
    expect(asked).toHaveBeenCalledTimes(2);
    expect([...queues.digests.keys()]).toEqual([digestJobId(OWNER, TODAY, 0)]);
  });

  it('skips a job whose item has moved on, and says so when the tier has nobody to tell', async () => {
    const { ledger, subjects, useCase } = setUp();
    subjects.add({ ...measuresSet(OTHER_ITEM), status: 'pending_review' });
    const lonely = uuid(9);
    subjects.add(measuresSet(lonely));
    expect(await useCase.execute([job(OTHER_ITEM), job(lonely), job(uuid(404))])).toEqual([
      'stale',
      'no_recipients',
      'stale',
    ]);
    expect(ledger.rows).toEqual([]);
  });

  it('records a recipient without an email address as failed, with the reason', async () => {
    const { ledger, subjects, useCase } = setUp();
    subjects.add(measuresSet(ITEM), { owner: [NO_EMAIL] });
    expect(await useCase.execute([job(ITEM)])).toEqual(['recorded']);
    expect(ledger.rows[0]).toMatchObject({ status: 'failed', error: expect.stringContaining('电子邮箱') });
  });

  it('fails only the job whose item cannot be scheduled, and the job whose data the database refuses', async () => {
    const { ledger, subjects, useCase } = setUp();
    const poisoned = uuid(7);
    subjects.add(measuresSet(poisoned, POISON_DEADLINE), { owner: [OWNER] });
    const broken = { ...job(ITEM), itemId: 'not-a-uuid' };
    subjects.add({ ...measuresSet('not-a-uuid') }, { owner: [OWNER] });
    const outcomes = await useCase.execute([job(ITEM), job(poisoned), broken, job(OTHER_ITEM)]);
    expect(outcomes[0]).toBe('recorded');
    expect(outcomes[1]).toBeInstanceOf(ReminderFailure);
    expect((outcomes[1] as ReminderFailure).error).toContain(POISON_DEADLINE);
    expect(outcomes[2]).toBeInstanceOf(ReminderFailure);
    expect((outcomes[2] as ReminderFailure).error).toContain('not-a-uuid');
    expect((outcomes[2] as ReminderFailure).databaseUnreachable).toBe(false);
    expect(outcomes[3]).toBe('recorded');
    expect(ledger.rows.map((r) => r.itemId).sort()).toEqual([ITEM, OTHER_ITEM].sort());
  });

  it('fails every job as "database unreachable", without running them one by one, while the database is away', async () => {
    const { ledger, subjects, useCase } = setUp();
    ledger.reachable = false;
    const queriesBefore = subjects.queries;
    const outcomes = await useCase.execute([job(ITEM), job(OTHER_ITEM)]);
    expect(outcomes).toHaveLength(2);
    for (const o of outcomes) expect(o).toMatchObject({ databaseUnreachable: true });
    // One batch attempt (one read of the items), no retry of each job alone.
    expect(subjects.queries - queriesBefore).toBe(1);
  });

  it('fails every job, the database answering, when Redis does not take the digests', async () => {
    const { queues, useCase } = setUp();
    queues.reachable = false;
    const outcomes = await useCase.execute([job(ITEM), job(OTHER_ITEM)]);
    for (const o of outcomes) expect(o).toMatchObject({ databaseUnreachable: false });
  });
});
