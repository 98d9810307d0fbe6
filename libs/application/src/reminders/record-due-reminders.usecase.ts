import { isReminderLive, RECIPIENTS, shanghaiDate, shanghaiInstant } from '@rectify/domain';
import { type DataSource } from 'typeorm';
import { withTimeout } from '../common/with-timeout';
import { loadReminderRecipients } from './reminder-recipients';
import { loadReminderSubjects } from './load-reminder-subjects';
import { describeReminderError } from './reminder-errors';
import { digestJobId, type ReminderJobData, type ReminderQueues } from './reminder-jobs';
import { type ReminderSettings } from './reminder-settings';

/**
 * A job that could not be handled, with the Chinese reason; the other jobs of its batch go on.
 * `databaseUnreachable`: the database did not answer at all, so the job itself is not to blame
 * and should wait for it rather than spend its attempts.
 */
export class ReminderFailure {
  constructor(
    readonly error: string,
    readonly databaseUnreachable = false,
  ) {}
}

/** What became of one reminder job. */
export type ReminderOutcome = 'recorded' | 'already_recorded' | 'no_recipients' | 'stale' | ReminderFailure;

/**
 * Handles many due reminder jobs at once (deadlines cluster: thousands of items share one due
 * date). Reloads the items; a job whose item has moved on (another state, another deadline, a
 * later tier already due) is stale and skipped. For the others, one row per recipient goes into
 * the delivery ledger, whose unique key (recipient, item, kind, due date) makes a job that runs
 * twice record nothing new. Recipients with new rows get their digest job for today.
 *
 * One job never fails the others: a job whose item cannot be judged (its schedule throws) is a
 * `ReminderFailure` while the rest go on; when the batch fails as a whole (a job whose data the
 * database refuses poisons its SQL), its jobs are run one by one, so only the jobs at fault
 * become `ReminderFailure`s. Never rejects: an outage of the database or Redis makes every job
 * a failure, which the caller retries (marked `databaseUnreachable` when the database does not
 * answer a probe).
 */
export async function recordDueReminders(
  db: DataSource,
  settings: ReminderSettings,
  queues: ReminderQueues,
  jobs: ReminderJobData[],
): Promise<ReminderOutcome[]> {
  try {
    return await recordBatch(db, settings, queues, jobs);
  } catch (err) {
    const databaseAnswers = await answers(db.query('SELECT 1'));
    const failure = new ReminderFailure(describeReminderError(err), !databaseAnswers);
    // During an outage every job would fail alone too, each after its own timeout.
    if (jobs.length === 1 || !databaseAnswers || !(await answers(queues.isReachable()))) {
      return jobs.map(() => failure);
    }
    const outcomes: ReminderOutcome[] = [];
    // One at a time: a batch that failed is rare, and the database is then spared a stampede.
    for (const job of jobs) outcomes.push(...(await recordDueReminders(db, settings, queues, [job])));
    return outcomes;
  }
}

async function recordBatch(
  db: DataSource,
  settings: ReminderSettings,
  queues: ReminderQueues,
  jobs: ReminderJobData[],
): Promise<ReminderOutcome[]> {
  const now = settings.clock.now();
  const today = shanghaiDate(now);
  const itemIds = [...new Set(jobs.map((j) => j.itemId))];
  const subjects = await loadReminderSubjects(db, itemIds);
  const failures = new Map<number, ReminderFailure>();
  const live = jobs.map((job, i) => {
    const subject = subjects.get(job.itemId);
    try {
      return !!subject && isReminderLive(job, subject, today, settings.calendar, settings.thresholds);
    } catch (err) {
      failures.set(i, new ReminderFailure(describeReminderError(err)));
      return false;
    }
  });
  const recipients = await loadReminderRecipients(
    db,
    itemIds.filter((id) => jobs.some((j, i) => live[i] && j.itemId === id)),
  );

  const rows = { recipient: [] as string[], item: [] as string[], kind: [] as string[], due: [] as string[] };
  const sendOn: string[] = [];
  const rowCount = jobs.map((job, i) => {
    if (!live[i]) return 0;
    const byRole = recipients.get(job.itemId);
    const users = new Set(RECIPIENTS[job.kind].flatMap((role) => byRole?.get(role) ?? []));
    for (const user of users) {
      rows.recipient.push(user);
      rows.item.push(job.itemId);
      rows.kind.push(job.kind);
      rows.due.push(job.dueDate);
      sendOn.push(job.sendOn);
    }
    return users.size;
  });

  const inserted: {
    recipient_id: string;
    item_id: string;
    kind: string;
    due_date: string;
    status: string;
  }[] =
    rows.recipient.length === 0
      ? []
      : await db.query(
          `WITH added AS (
             INSERT INTO reminder_delivery (recipient_id, item_id, kind, due_date, send_on, status, error)
             SELECT r.recipient, r.item, r.kind, r.due, r.send_on,
                    CASE WHEN u.email IS NULL OR u.email = '' THEN 'failed' ELSE 'pending' END,
                    CASE WHEN u.email IS NULL OR u.email = '' THEN '收件人未设置电子邮箱：请管理员为该用户补充邮箱。' END
               FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[], $5::date[])
                    AS r(recipient, item, kind, due, send_on)
               JOIN app_user u ON u.id = r.recipient
             ON CONFLICT (recipient_id, item_id, kind, due_date) DO NOTHING
             RETURNING recipient_id, item_id, kind, to_char(due_date, 'YYYY-MM-DD') AS due_date, status)
           SELECT * FROM added`,
          [rows.recipient, rows.item, rows.kind, rows.due, sendOn],
        );

  // Every recipient of these jobs with rows still waiting gets a digest job, not only those
  // with new rows: if adding it failed before, a retry of this job adds it then. The job is
  // named by the rows digests have claimed so far (see digestJobId): while an earlier digest is
  // being sent, rows recorded now get a digest of their own instead of waiting for the sweeper.
  const waiting: { recipient_id: string; claimed: number }[] =
    rows.recipient.length === 0
      ? []
      : await db.query(
          `SELECT recipient_id, count(*) FILTER (WHERE digest_key IS NOT NULL)::int AS claimed
             FROM reminder_delivery
            WHERE recipient_id = ANY($1::uuid[])
            GROUP BY recipient_id
           HAVING bool_or(status = 'pending')`,
          [[...new Set(rows.recipient)]],
        );
  const digestTime = shanghaiInstant(today, settings.digestTime);
  const collectUntil = new Date(now.getTime() + settings.digestCollectSeconds * 1000);
  const runAt = digestTime > now ? digestTime : collectUntil;
  await queues.addDigests(
    waiting.map(({ recipient_id: recipientId, claimed }) => ({
      id: digestJobId(recipientId, today, claimed),
      data: { recipientId },
      runAt,
    })),
  );

  const recordedKeys = new Set(inserted.map((r) => `${r.item_id}|${r.kind}|${r.due_date}`));
  return jobs.map((job, i) => {
    const failure = failures.get(i);
    if (failure) return failure;
    if (!live[i]) return 'stale';
    if (rowCount[i] === 0) return 'no_recipients';
    return recordedKeys.has(`${job.itemId}|${job.kind}|${job.dueDate}`) ? 'recorded' : 'already_recorded';
  });
}

/** Whether a probe succeeded (a false answer counts as none) within 5 s. */
async function answers(probe: Promise<unknown>): Promise<boolean> {
  return withTimeout(probe, 5_000).then(
    (reply) => reply !== false,
    () => false,
  );
}
