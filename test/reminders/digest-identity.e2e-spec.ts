import {
  importProblems,
  seedReminderTree,
  setDeadline,
  type ReminderTree,
  SEND_ON,
  DEADLINE,
} from '../support/reminder-fixture';
import { transitionItem } from '../support/item-commands';
import { ReminderHarness, WorkerProcess } from '../support/reminder-worker';
import { waitFor } from '../support/smtp-test-server';

jest.setTimeout(90_000);

// Yellow reminders go to the owner on SEND_ON; the worker's clock starts that day, after the
// digest hour, so each digest goes out a second after its reminders are recorded.
const NOW = `${SEND_ON}T08:00:00+08:00`;
// Only the worker's first sweep runs: what is delivered later was not the sweeper's doing.
const NO_SWEEP = { SWEEP_EVERY_SECONDS: '3600' };

describe('which digest is which', () => {
  let h: ReminderHarness;
  let tree: ReminderTree;
  let first: string;
  let second: string;
  let third: string;
  beforeEach(async () => {
    h = new ReminderHarness();
    await h.start();
    tree = await seedReminderTree(h.db.dataSource);
    [first, second, third] = await importProblems(h.db.dataSource, tree, 3);
  });
  afterEach(() => h.stop());

  const ownerMails = () => h.smtp.to(tree.email(tree.owner));
  const rowOf = async (item: string) =>
    (
      await h.db.dataSource.query(
        `SELECT status, message_id FROM reminder_delivery WHERE item_id = $1 AND recipient_id = $2`,
        [item, tree.owner.id],
      )
    )[0] as { status: string; message_id: string | null } | undefined;
  const settled = async () => {
    const [{ n }] = await h.db.dataSource.query(
      `SELECT count(*)::int AS n FROM reminder_delivery WHERE status IN ('pending', 'sending')`,
    );
    return n === 0;
  };

  it('re-sends a digest whose worker died after the SMTP server accepted it with the same Message-ID, though its rows changed meanwhile', async () => {
    await setDeadline(h.db.dataSource, tree, first, DEADLINE);
    await setDeadline(h.db.dataSource, tree, second, DEADLINE);
    // The server keeps each message and holds its 250 reply: the worker cannot know it went.
    h.smtp.hold({ afterAccept: true });
    const env = h.env(NOW, { ...NO_SWEEP, JOB_LOCK_MS: '2000' });
    const dying = new WorkerProcess(env);
    let restarted: WorkerProcess | null = null;
    try {
      await waitFor('the first digest accepted', () => ownerMails().length >= 1, 45_000);
      // While it is unconfirmed, one of its items moves on (its row will be skipped on the retry,
      // so the retry is smaller) and a new reminder is recorded.
      await transitionItem(h.db.dataSource, {
        itemId: second,
        event: 'SUBMIT_COMPLETION',
        payload: { evidence: '已建立学习制度' },
        actorUserId: tree.owner.id,
      });
      await setDeadline(h.db.dataSource, tree, third, DEADLINE);
      await waitFor('the third reminder recorded', async () => !!(await rowOf(third)), 30_000);
      await dying.stop('SIGKILL');
      h.smtp.release();

      restarted = new WorkerProcess(env);
      await waitFor('every reminder sent or skipped', settled, 45_000);
    } finally {
      await dying.stop('SIGKILL');
      await restarted?.stop();
    }

    const original = ownerMails()[0].parsed;
    expect(original.text).toContain(`/items/${first}`);
    expect(original.text).toContain(`/items/${second}`);
    const copies = ownerMails().filter((m) => m.parsed.messageId === original.messageId);
    expect(copies).toHaveLength(2);
    expect(copies[1].parsed.text).toContain(`/items/${first}`);
    expect(copies[1].parsed.text).not.toContain(`/items/${third}`);
    expect(await rowOf(first)).toEqual({ status: 'sent', message_id: original.messageId });

    // The reminder recorded meanwhile went in a digest of its own, with another Message-ID.
    const others = ownerMails().filter((m) => m.parsed.messageId !== original.messageId);
    expect(others.length).toBeGreaterThanOrEqual(1);
    expect(others.every((m) => m.parsed.text?.includes(`/items/${third}`))).toBe(true);
    expect(await rowOf(third)).toEqual({ status: 'sent', message_id: others[0].parsed.messageId });
  });

  it('sends the reminders recorded while a digest is on the wire in a follow-up digest at once, not at the next sweep', async () => {
    await setDeadline(h.db.dataSource, tree, first, DEADLINE);
    h.smtp.hold();
    await h.startWorker(NOW, NO_SWEEP);
    await waitFor('the first digest on the wire', () => h.smtp.held >= 1);
    await setDeadline(h.db.dataSource, tree, second, DEADLINE);
    await waitFor('the second reminder recorded', async () => !!(await rowOf(second)));
    h.smtp.release();

    await waitFor('two digests', () => ownerMails().length >= 2);
    await waitFor('every reminder sent', settled);
    const [one, two] = ownerMails().map((m) => m.parsed);
    expect(ownerMails()).toHaveLength(2);
    const texts = [one.text ?? '', two.text ?? ''];
    expect(texts.filter((t) => t.includes(`/items/${first}`))).toHaveLength(1);
    expect(texts.filter((t) => t.includes(`/items/${second}`))).toHaveLength(1);
    expect(one.messageId).not.toBe(two.messageId);
  });
});
