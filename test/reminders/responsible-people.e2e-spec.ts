import { ChineseWorkingDayCalendar } from '@rectify/domain';
import { addUser } from '../support/admin-fixtures';
import { transitionItem } from '../support/item-commands';
import { importProblems, seedReminderTree, type ReminderTree } from '../support/reminder-fixture';
import { waitForRemindersQuiet } from '../support/reminders-quiet';
import { ReminderHarness } from '../support/reminder-worker';
import { waitFor } from '../support/smtp-test-server';

const calendar = new ChineseWorkingDayCalendar();
jest.setTimeout(60_000);

// A measure's 责任人 picked from the organisation's people gets the item's reminders with its
// owner, by email through the real SMTP server: once a digest, even when they are also the owner.
describe('reminders to the people responsible for measures', () => {
  let h: ReminderHarness;
  let tree: ReminderTree;
  beforeEach(async () => {
    h = new ReminderHarness();
    await h.start();
    tree = await seedReminderTree(h.db.dataSource);
  });
  afterEach(() => h.stop());
  const quiet = () =>
    waitForRemindersQuiet(h.db.dataSource, { redisUrl: process.env.REDIS_URL!, prefix: h.prefix });

  it('sends the yellow reminder to the 责任人 as well as the owner, naming their measures, once each', async () => {
    const today = '2024-11-12';
    const db = h.db.dataSource;
    const member = await addUser(db, {
      username: `member-${tree.tag}`,
      displayName: `赵六-${tree.tag}`,
      organisationName: tree.branch.name,
      role: 'secretary',
      email: `member-${tree.tag}@test.example`,
    });
    const [item] = await importProblems(db, tree, 1);
    const deadline = calendar.addWorkdays(today, 3); // yellow today: owner (and now 责任人) only
    await transitionItem(db, {
      itemId: item,
      event: 'SET_MEASURES',
      payload: {
        measures: [
          { title: '建立学习制度', responsible: `赵六-${tree.tag}`, responsibleUserId: member.id, deadline },
          { title: '开展专题学习', responsible: `赵六-${tree.tag}`, responsibleUserId: member.id, deadline },
          // The owner (who sets the plan) is also a 责任人: still one email.
          { title: '整理学习台账', responsible: 'owner', responsibleUserId: tree.owner.id, deadline },
          { title: '走访老党员', responsible: '老支书（无账号）', deadline },
        ],
      },
      actorUserId: tree.owner.id,
    });
    await h.startWorker(`${today}T08:00:00+08:00`);

    await waitFor('two digests', () => h.smtp.received.length >= 2);
    await quiet();
    expect(h.smtp.received).toHaveLength(2);
    const [toMember] = h.smtp.to(`member-${tree.tag}@test.example`);
    expect(toMember.parsed.subject).toBe('【整改提醒】1 项整改事项临近完成时限');
    expect(toMember.parsed.text).toContain(`赵六-${tree.tag}，您好`);
    expect(toMember.parsed.text).toContain('您是以下整改措施的责任人：「建立学习制度」、「开展专题学习」');
    expect(toMember.parsed.text).toContain(`/items/${item}`);
    const toOwner = h.smtp.to(tree.email(tree.owner));
    expect(toOwner).toHaveLength(1);
    expect(toOwner[0].parsed.text).toContain('您是以下整改措施的责任人：「整理学习台账」');
    expect(h.smtp.to(tree.email(tree.secretary))).toHaveLength(0);

    const ledger = await h.ledger();
    expect(ledger).toHaveLength(2);
    expect(ledger.every((r) => r.status === 'sent')).toBe(true);
  });
});
