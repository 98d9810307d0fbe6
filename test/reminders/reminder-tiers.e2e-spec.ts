import { ChineseWorkingDayCalendar } from '@rectify/domain';
import {
  importProblems,
  seedReminderTree,
  setDeadline,
  type ReminderTree,
} from '../support/reminder-fixture';
import { waitForRemindersQuiet } from '../support/reminders-quiet';
import { ReminderHarness } from '../support/reminder-worker';
import { waitFor } from '../support/smtp-test-server';

const calendar = new ChineseWorkingDayCalendar();
jest.setTimeout(60_000);

describe('reminder tiers', () => {
  let h: ReminderHarness;
  let tree: ReminderTree;
  beforeEach(async () => {
    h = new ReminderHarness();
    await h.start();
    tree = await seedReminderTree(h.db.dataSource);
  });
  afterEach(() => h.stop());
  // Nothing queued, running or due soon, and the outbox relayed: no further email can come.
  const quiet = () =>
    waitForRemindersQuiet(h.db.dataSource, { redisUrl: process.env.REDIS_URL!, prefix: h.prefix });

  it('sends each tier to exactly its recipients, one digest per person listing their items', async () => {
    // Tuesday 8 October 2024, the first working day after the National Day holiday.
    const today = '2024-10-08';
    const [approaching, due, overdue, escalated, later] = await importProblems(h.db.dataSource, tree, 5);
    const db = h.db.dataSource;
    await setDeadline(db, tree, approaching, calendar.addWorkdays(today, 3)); // yellow today
    await setDeadline(db, tree, due, today);
    await setDeadline(db, tree, overdue, calendar.addWorkdays(today, -1)); // first red day
    await setDeadline(db, tree, escalated, calendar.addWorkdays(today, -3)); // red + 2 working days
    await setDeadline(db, tree, later, calendar.addWorkdays(today, 20)); // nothing yet
    await h.startWorker(`${today}T08:00:00+08:00`);

    await waitFor('four digests', () => h.smtp.received.length >= 4);
    await quiet(); // nothing else arrives
    expect(h.smtp.received).toHaveLength(4);

    const titlesTo = (who: { username: string }) => {
      const mails = h.smtp.to(tree.email(who));
      expect(mails).toHaveLength(1);
      return mails[0].parsed.text ?? '';
    };
    const ownerText = titlesTo(tree.owner);
    for (const n of [1, 2, 3, 4]) expect(ownerText).toContain(`${tree.tag}-${n}`);
    expect(ownerText).not.toContain(`${tree.tag}-5`);
    const secretaryText = titlesTo(tree.secretary);
    expect([1, 2, 3, 4].filter((n) => secretaryText.includes(`${tree.tag}-${n}）`))).toEqual([2, 3, 4]);
    const parentText = titlesTo(tree.parent);
    expect([1, 2, 3, 4].filter((n) => parentText.includes(`${tree.tag}-${n}）`))).toEqual([3, 4]);
    const grandparentText = titlesTo(tree.grandparent);
    expect([1, 2, 3, 4].filter((n) => grandparentText.includes(`${tree.tag}-${n}）`))).toEqual([4]);

    const ownerMail = h.smtp.to(tree.email(tree.owner))[0].parsed;
    expect(ownerMail.subject).toBe('【整改督办】2 项整改事项已逾期，2 项临近时限');
    expect(ownerMail.html).toContain('#c62828');
    expect(ownerMail.text).toContain(`/items/${overdue}`);
    expect(ownerMail.text).toContain('已逾期 1 个工作日');
    expect(ownerMail.text).toContain('已逾期 3 个工作日');

    const ledger = await h.ledger();
    expect(ledger.every((r) => r.status === 'sent')).toBe(true);
    expect(ledger).toHaveLength(4 + 3 + 2 + 1);
  });

  it('shares a cluster of items due on one day between two workers, each reminder once', async () => {
    const today = '2024-12-31';
    const items = await importProblems(h.db.dataSource, tree, 40);
    for (const item of items) await setDeadline(h.db.dataSource, tree, item, today); // due: owner + secretaries
    await Promise.all([h.startWorker(`${today}T08:00:00+08:00`), h.startWorker(`${today}T08:00:00+08:00`)]);
    await waitFor('both digests', () => h.smtp.received.length >= 2);
    await quiet();
    for (const who of [tree.owner, tree.secretary]) {
      const text = h.smtp
        .to(tree.email(who))
        .map((m) => m.parsed.text)
        .join('\n');
      for (const item of items) expect(text.split(`/items/${item}`)).toHaveLength(2);
    }
    const ledger = await h.ledger();
    expect(ledger).toHaveLength(80);
    expect(ledger.every((r) => r.status === 'sent')).toBe(true);
  });

  it('keeps the email in the development mailbox when no SMTP_URL is set', async () => {
    const today = '2024-11-12';
    const [item] = await importProblems(h.db.dataSource, tree, 1);
    await setDeadline(h.db.dataSource, tree, item, calendar.addWorkdays(today, 3));
    await h.startWorker(`${today}T08:00:00+08:00`, { SMTP_URL: '' });
    const mailbox = () =>
      h.db.dataSource.query(`SELECT envelope_to, subject, raw FROM dev_mailbox`) as Promise<
        { envelope_to: string; subject: string; raw: string }[]
      >;
    await waitFor('the development mailbox to receive it', async () => (await mailbox()).length === 1);
    const [mail] = await mailbox();
    expect(mail.envelope_to).toBe(tree.email(tree.owner));
    expect(mail.subject).toBe('【整改提醒】1 项整改事项临近完成时限');
    expect(h.smtp.received).toHaveLength(0);
  });

  it('counts working days across the National Day holiday and its 调休 make-up Sunday', async () => {
    const [item] = await importProblems(h.db.dataSource, tree, 1);
    // Deadline Tuesday 8 October; 1–7 October are off and Sunday 29 September is worked, so
    // three working days before it is Friday 27 September.
    await setDeadline(h.db.dataSource, tree, item, '2024-10-08');
    // A queue window reaching past the escalation, so every tier is in Redis to be read.
    await h.startWorker('2024-09-27T08:00:00+08:00', { REMINDER_QUEUE_DAYS: '15' });

    await waitFor('the yellow reminder', () => h.smtp.received.length >= 1);
    expect(h.smtp.to(tree.email(tree.owner))).toHaveLength(1);

    const reminders = h.queue('reminders');
    const expected = {
      due: ['2024-10-08', '2024-10-08T00:00:00+08:00'],
      overdue: ['2024-10-09', '2024-10-09T00:00:00+08:00'],
      // Red from 9 October; two working days later is Friday 11 October.
      escalated: ['2024-10-11', '2024-10-11T00:00:00+08:00'],
    };
    for (const [kind, [sendOn, instant]] of Object.entries(expected)) {
      const job = await reminders.getJob(`reminder.${item}.${kind}.2024-10-08.${sendOn}`);
      expect(job).toBeDefined();
      expect(await job!.getState()).toBe('delayed');
      // The worker's clock started at 27 September 08:00; the delay runs to the day's start.
      const delayMs = new Date(instant).getTime() - new Date('2024-09-27T08:00:00+08:00').getTime();
      expect(Math.abs(job!.delay - delayMs)).toBeLessThan(60_000);
    }
  });

  it('sends nothing for the old date when a deadline moves before its reminder fires', async () => {
    const today = '2024-11-12';
    const [item] = await importProblems(h.db.dataSource, tree, 1);
    const oldDeadline = calendar.addWorkdays(today, 10);
    await setDeadline(h.db.dataSource, tree, item, oldDeadline);
    // The old reminder, seven working days ahead, is queued at once: a window of 30 days.
    await h.startWorker(`${today}T08:00:00+08:00`, { REMINDER_QUEUE_DAYS: '30' });
    const reminders = h.queue('reminders');
    const oldSendOn = calendar.addWorkdays(oldDeadline, -3);
    const oldJobId = `reminder.${item}.approaching.${oldDeadline}.${oldSendOn}`;
    await waitFor('the old reminder to be scheduled', async () => !!(await reminders.getJob(oldJobId)));

    const newDeadline = calendar.addWorkdays(today, 3); // yellow today
    await setDeadline(h.db.dataSource, tree, item, newDeadline);
    await waitFor('the reminder for the new deadline', () => h.smtp.received.length >= 1);

    // The old reminder's day comes: it finds the item moved on and is skipped.
    const old = await reminders.getJob(oldJobId);
    await old!.promote();
    await waitFor('the old reminder to run', async () => (await old!.getState()) === 'completed');
    expect((await reminders.getJob(oldJobId))!.returnvalue).toBe('stale');
    await quiet();
    expect(h.smtp.received).toHaveLength(1);
    expect(h.smtp.received[0].parsed.text).toContain(`整改时限 ${newDeadline}`);
    expect((await h.ledger()).map((r) => r.due)).toEqual([newDeadline]);
  });

  it('queues a tier only once the queue window reaches it: the sweeper adds it then', async () => {
    const [item] = await importProblems(h.db.dataSource, tree, 1);
    await setDeadline(h.db.dataSource, tree, item, '2024-10-08');
    const reminders = h.queue('reminders');
    const jobOf = (kind: string, sendOn: string) =>
      reminders.getJob(`reminder.${item}.${kind}.2024-10-08.${sendOn}`);
    // 27 September, default window of two days: the yellow reminder goes out, the others wait.
    await h.startWorker('2024-09-27T08:00:00+08:00');
    await waitFor('the yellow reminder', () => h.smtp.received.length >= 1);
    await quiet();
    expect(await jobOf('due', '2024-10-08')).toBeUndefined();
    expect(await jobOf('overdue', '2024-10-09')).toBeUndefined();
    await h.stopWorkers();

    // 6 October, two days before the deadline: the next worker's sweeper queues the due tier.
    await h.startWorker('2024-10-06T08:00:00+08:00', { SWEEP_EVERY_SECONDS: '1' });
    await waitFor('the due tier to be queued', async () => !!(await jobOf('due', '2024-10-08')));
    const due = (await jobOf('due', '2024-10-08'))!;
    expect(await due.getState()).toBe('delayed');
    expect(Math.abs(due.delay - 40 * 3600_000)).toBeLessThan(60_000); // to 8 October 00:00
    expect(await jobOf('overdue', '2024-10-09')).toBeUndefined();
  });
});
