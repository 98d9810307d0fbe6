import { type DataSource } from 'typeorm';
import { type RobotPlatform } from '@rectify/domain';
import { transitionItem } from '../support/item-commands';
import { importProblems, type ReminderTree, seedReminderTree } from '../support/reminder-fixture';
import { waitForRemindersQuiet } from '../support/reminders-quiet';
import { ReminderHarness } from '../support/reminder-worker';
import { type RobotStandIn, startRobotStandIn } from '../support/robot-platforms';
import { waitFor } from '../support/smtp-test-server';

jest.setTimeout(90_000);

// Far from any deadline tier: only the events notify.
const CLOCK = '2024-11-12T10:00:00+08:00';
const DEADLINE = '2025-06-30';
const FAST = {
  ROBOT_INTERVAL_SECONDS: '1',
  NOTICE_EMAIL_COLLECT_SECONDS: '1',
  ROBOT_RATE_LIMIT_WAIT_MAX_SECONDS: '2',
  NOTIFY_BACKOFF_MS: '200',
};

/** Connects a robot to an organisation as its administrator's settings would store it. */
async function connectRobot(
  db: DataSource,
  organisationId: string,
  standIn: RobotStandIn,
  quiet?: [string, string],
) {
  const [row] = await db.query(
    `INSERT INTO organisation_robot (organisation_id, platform, webhook_url, secret, kinds, quiet_from, quiet_until)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      organisationId,
      standIn.platform,
      standIn.webhookUrl,
      standIn.secret,
      ['submitted', 'returned', 'signed_off', 'extension_requested', 'supervision_comment'],
      quiet?.[0] ?? null,
      quiet?.[1] ?? null,
    ],
  );
  return row.id as string;
}

interface LedgerRow {
  channel: string;
  kind: string;
  target: string;
  status: string;
  error: string | null;
}

describe('event notifications on every channel, once', () => {
  let h: ReminderHarness;
  let tree: ReminderTree;
  let db: DataSource;
  const standIns: RobotStandIn[] = [];
  const standIn = async (platform: RobotPlatform, secret?: string) => {
    const s = await startRobotStandIn(platform, secret ? { secret } : {});
    standIns.push(s);
    return s;
  };

  beforeEach(async () => {
    h = new ReminderHarness();
    await h.start();
    db = h.db.dataSource;
    tree = await seedReminderTree(db);
  });
  afterEach(async () => {
    await h.stop();
    await Promise.all(standIns.splice(0).map((s) => s.close()));
  });

  const quiet = () => waitForRemindersQuiet(db, { redisUrl: process.env.REDIS_URL!, prefix: h.prefix });
  const ledger = (): Promise<LedgerRow[]> =>
    db.query(
      `SELECT n.channel, n.kind, COALESCE(u.username, r.platform) AS target, n.status, n.error
         FROM notification n
         LEFT JOIN app_user u ON u.id = n.recipient_id
         LEFT JOIN organisation_robot r ON r.id = n.robot_id
        ORDER BY n.kind, n.channel, target`,
    );

  /** Items of the branch, measures set by their owner, submitted for sign-off. */
  async function submittedItems(count: number): Promise<string[]> {
    const items = await importProblems(db, tree, count);
    for (const item of items) await submit(item);
    return items;
  }

  async function submit(item: string): Promise<void> {
    const owner = tree.owner.id;
    await transitionItem(db, {
      itemId: item,
      event: 'SET_MEASURES',
      payload: { measures: [{ title: '建立制度', responsible: '王五', deadline: DEADLINE }] },
      actorUserId: owner,
    });
    await transitionItem(db, {
      itemId: item,
      event: 'SUBMIT_COMPLETION',
      payload: { evidence: '已建立制度并执行' },
      actorUserId: owner,
    });
  }

  it('tells the supervisors of a submission and the branch of a return, on 站内消息, email and each organisation’s robot', async () => {
    const wecom = await standIn('wecom');
    const dingtalk = await standIn('dingtalk', 'SEC-dingtalk-secret-for-tests');
    const feishu = await standIn('feishu', 'feishu-secret-for-tests');
    await connectRobot(db, tree.branch.id, wecom);
    await connectRobot(db, tree.general.id, dingtalk);
    await connectRobot(db, tree.committee.id, feishu);

    const [item] = await submittedItems(1);
    await transitionItem(db, {
      itemId: item,
      event: 'RETURN_FOR_REWORK',
      payload: { reason: '佐证材料不全，请补充会议记录' },
      actorUserId: tree.parent.id,
    });
    await h.startWorker(CLOCK, FAST);

    await waitFor('both robot messages', () => wecom.received.length + dingtalk.received.length >= 2);
    await waitFor('three emails', () => h.smtp.received.length >= 3);
    await quiet();

    const tag = tree.tag;
    expect(await ledger()).toEqual([
      // 退回 → the owner and the branch's other secretary; the supervisor who returned it is left out.
      { channel: 'email', kind: 'returned', target: `owner-${tag}`, status: 'sent', error: null },
      { channel: 'email', kind: 'returned', target: `secretary-${tag}`, status: 'sent', error: null },
      { channel: 'in_app', kind: 'returned', target: `owner-${tag}`, status: 'sent', error: null },
      { channel: 'in_app', kind: 'returned', target: `secretary-${tag}`, status: 'sent', error: null },
      { channel: 'robot', kind: 'returned', target: 'wecom', status: 'sent', error: null },
      // 提交销号 → the supervisors one level up (not the committee above them), not the owner who sent it.
      { channel: 'email', kind: 'submitted', target: `parent-${tag}`, status: 'sent', error: null },
      { channel: 'in_app', kind: 'submitted', target: `parent-${tag}`, status: 'sent', error: null },
      { channel: 'robot', kind: 'submitted', target: 'dingtalk', status: 'sent', error: null },
    ]);
    expect(feishu.received).toHaveLength(0);
    expect(wecom.received).toHaveLength(1);
    expect(wecom.received[0].text).toContain('被退回整改');
    expect(wecom.received[0].text).toContain('佐证材料不全');
    expect(wecom.received[0].links.map((l) => l.url)).toEqual([
      expect.stringMatching(new RegExp(`/items/${item}$`)),
    ]);
    expect(dingtalk.received).toHaveLength(1);
    expect(dingtalk.received[0].text).toContain('提交了销号申请，请审核');
    expect(wecom.refused.concat(dingtalk.refused)).toEqual([]);

    expect(h.smtp.received).toHaveLength(3);
    const [toOwner] = h.smtp.to(tree.email(tree.owner));
    expect(toOwner.parsed.subject).toContain('被退回整改');
    expect(toOwner.parsed.text).toContain('原因：佐证材料不全，请补充会议记录');
    expect(h.smtp.to(tree.email(tree.parent))[0].parsed.subject).toContain('提交了销号申请');
  });

  it('folds a burst into one robot message per interval, and retries a rate-limit answer later', async () => {
    const wecom = await standIn('wecom');
    await connectRobot(db, tree.branch.id, wecom);
    wecom.answerNext('rate_limited');
    const items = await submittedItems(3);
    for (const item of items) {
      await transitionItem(db, {
        itemId: item,
        event: 'RETURN_FOR_REWORK',
        payload: { reason: '请补充' },
        actorUserId: tree.parent.id,
      });
    }
    await h.startWorker(CLOCK, FAST);

    await waitFor('the robot message after the rate limit', () => wecom.received.length >= 1);
    await quiet();
    // One message carries all three returns: nothing dropped, nothing twice.
    expect(wecom.received).toHaveLength(1);
    expect(wecom.received[0].links).toHaveLength(3);
    const robotRows = (await ledger()).filter((r) => r.channel === 'robot');
    expect(robotRows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    const noted = await db.query(
      `SELECT count(*)::int AS n FROM notification WHERE channel = 'robot' AND attempts >= 2`,
    );
    expect(noted[0].n).toBe(3);
    const [{ error }] = await db.query(`SELECT error FROM notification WHERE channel = 'robot' LIMIT 1`);
    expect(error).toBeNull(); // cleared once sent
  });

  it('records an invalid key as failed with a Chinese reason, and stops the robot until it is saved again', async () => {
    const dingtalk = await standIn('dingtalk', 'SEC-right-secret');
    const robotId = await connectRobot(db, tree.general.id, dingtalk);
    dingtalk.answerNext('invalid_key');
    await submittedItems(1);
    await h.startWorker(CLOCK, FAST);

    await waitFor('the robot row to fail', async () => {
      const rows = await ledger();
      return rows.some((r) => r.channel === 'robot' && r.status === 'failed');
    });
    await quiet();
    const [row] = (await ledger()).filter((r) => r.channel === 'robot');
    expect(row.status).toBe('failed');
    expect(row.error).toMatch(/钉钉/);
    const [robot] = await db.query(`SELECT failed_at, last_error FROM organisation_robot WHERE id = $1`, [
      robotId,
    ]);
    expect(robot.failed_at).not.toBeNull();
    expect(robot.last_error).toBe(row.error);
    expect(dingtalk.received).toHaveLength(0);
    // The person still has the 站内消息 and the email.
    expect((await ledger()).filter((r) => r.channel !== 'robot').map((r) => r.status)).toEqual([
      'sent',
      'sent',
    ]);
  });

  it('tells each lifecycle event to its audience in 站内消息, leaving out the one who acted', async () => {
    const [item] = await importProblems(db, tree, 1);
    const { owner, parent } = tree;
    const send = (event: string, payload: Record<string, unknown>, actor: string) =>
      transitionItem(db, {
        itemId: item,
        event: event as never,
        payload: payload as never,
        actorUserId: actor,
      });
    await send(
      'SET_MEASURES',
      { measures: [{ title: '建立制度', responsible: '王五', deadline: DEADLINE }] },
      owner.id,
    );
    await send('REQUEST_EXTENSION', { newDeadline: '2025-09-30', reason: '等待上级批复' }, owner.id);
    await send('REJECT_EXTENSION', { reason: '时限不宜后延' }, parent.id);
    await send('ADD_PROGRESS_NOTE', { note: '请本月内完成' }, parent.id);
    await send('ADD_PROGRESS_NOTE', { note: '已召开支委会' }, owner.id); // the branch's own note: nobody
    await send('SUBMIT_COMPLETION', { evidence: '已完成' }, owner.id);
    await send('APPROVE_COMPLETION', { comment: '同意销号' }, parent.id);
    await h.startWorker(CLOCK, FAST);
    await waitFor(
      'the 站内消息',
      async () => (await ledger()).filter((r) => r.channel === 'in_app').length >= 8,
    );
    await quiet();

    const tag = tree.tag;
    const inApp = (await ledger())
      .filter((r) => r.channel === 'in_app')
      .map((r) => `${r.kind} → ${r.target}`);
    expect(inApp.sort()).toEqual(
      [
        `extension_refused → owner-${tag}`,
        `extension_refused → secretary-${tag}`,
        `extension_requested → parent-${tag}`,
        `signed_off → owner-${tag}`,
        `signed_off → secretary-${tag}`,
        `submitted → parent-${tag}`,
        `supervision_comment → owner-${tag}`,
        `supervision_comment → secretary-${tag}`,
      ].sort(),
    );
    const [refused] = await db.query(
      `SELECT headline, detail FROM notification WHERE kind = 'extension_refused' AND channel = 'in_app' LIMIT 1`,
    );
    expect(refused.headline).toContain('延期申请未同意');
    expect(refused.detail).toContain('原因：时限不宜后延');
  });
});
