import { ChineseWorkingDayCalendar, scheduleReminders, shanghaiDate } from '@rectify/domain';
import { PgReminderSubjectsRepository } from '@rectify/persistence';
import { backfillHistoryDeadlines } from '../../libs/persistence/src/migrations/1732730000000-history-deadline';
import request from 'supertest';
import { startWorkflowApi, type WorkflowApi } from '../support/workflow-fixture';
import { addOrganisation } from '../support/admin-fixtures';

// What the history is read back for, against the real PostgreSQL server: the overdue trend
// replays the deadline of each month's end, and a long-term item's reviews count from its last
// review. Lines dated in the past are written by hand, as a year of use would have left them
// (an import writes its own line "now", after every month counted).
const calendar = new ChineseWorkingDayCalendar();

interface Line {
  seq: number;
  event: string;
  from: string | null;
  to: string;
  at: string;
  payload?: object;
  /** Omitted: a line written before the deadline was recorded. */
  deadline?: string;
}

describe('history read back: overdue trend and review schedule', () => {
  let w: WorkflowApi;
  beforeAll(async () => {
    w = await startWorkflowApi();
  });
  afterAll(() => w.app.close());

  /** Shapes an imported item by hand: its current row, and back-dated history lines. */
  const shape = async (
    id: string,
    row: { status: string; deadline: string | null; version: number; createdAt?: string; interval?: number },
    lines: Line[],
  ) => {
    await w.db.query(
      `UPDATE rectification_item
          SET status = $2, deadline = $3, version = $4, created_at = COALESCE($5::timestamptz, created_at),
              review_interval_days = $6
        WHERE id = $1`,
      [id, row.status, row.deadline, row.version, row.createdAt ?? null, row.interval ?? null],
    );
    for (const l of lines) {
      await w.db.query(
        `INSERT INTO item_history (item_id, seq, actor_id, actor_role, event, from_status, to_status, payload, at, deadline)
         VALUES ($1, $2, 'test', 'secretary', $3, $4, $5, $6, $7, $8)`,
        [id, l.seq, l.event, l.from, l.to, JSON.stringify(l.payload ?? {}), l.at, l.deadline ?? null],
      );
    }
  };
  const trend = async (organisationId: string) => {
    const res = await request(w.http)
      .get(`/api/organisations/${organisationId}/overdue-trend`)
      .query({ months: 6, asOf: '2024-06-15' })
      .set(w.as('sup'))
      .expect(200);
    return Object.fromEntries(
      res.body.months.map((m: { month: string; overdue: number }) => [m.month, m.overdue]),
    );
  };
  // Planned in January for 10 February, extension asked on 1 March, approved on 15 March.
  const extendedInMarch = (recorded: boolean): Line[] => [
    {
      seq: 2,
      event: 'SET_MEASURES',
      from: 'identified',
      to: 'measures_set',
      at: '2024-01-10T10:00:00+08:00',
      payload: { measures: [{ title: '加强学习', responsible: '张三', deadline: '2024-02-10' }] },
      deadline: recorded ? '2024-02-10' : undefined,
    },
    {
      seq: 3,
      event: 'REQUEST_EXTENSION',
      from: 'measures_set',
      to: 'measures_set',
      at: '2024-03-01T10:00:00+08:00',
      payload: { newDeadline: '2024-05-31', reason: '换届' },
      deadline: recorded ? '2024-02-10' : undefined,
    },
    {
      seq: 4,
      event: 'ADD_PROGRESS_NOTE',
      from: 'measures_set',
      to: 'measures_set',
      at: '2024-03-05T10:00:00+08:00',
      payload: { note: '推进中' },
      deadline: recorded ? '2024-02-10' : undefined,
    },
    {
      seq: 5,
      event: 'APPROVE_EXTENSION',
      from: 'measures_set',
      to: 'measures_set',
      at: '2024-03-15T10:00:00+08:00',
      deadline: recorded ? '2024-05-31' : undefined,
    },
  ];
  const EXPECTED_TREND = {
    '2024-01': 0,
    '2024-02': 1, // 10 February had passed: overdue, though extended in March
    '2024-03': 0,
    '2024-04': 0,
    '2024-05': 0, // due on 31 May itself
    '2024-06': 1,
  };

  it('keeps an item in the month it was overdue even after its deadline was extended', async () => {
    const id = await w.freshItem(w.trendBranch.name);
    const row = {
      status: 'measures_set',
      deadline: '2024-05-31',
      version: 5,
      createdAt: '2024-01-05T09:00:00+08:00',
    };
    await shape(id, row, extendedInMarch(true));
    expect(await trend(w.trendBranch.id)).toEqual(EXPECTED_TREND);
  });

  it('derives the deadline of history lines written before it was recorded, and replays it the same way', async () => {
    const branch = await addOrganisation(w.db, { name: `丙村党支部-${w.tag}`, parentName: w.town.name });
    const id = await w.freshItem(branch.name);
    const row = {
      status: 'measures_set',
      deadline: '2024-05-31',
      version: 5,
      createdAt: '2024-01-05T09:00:00+08:00',
    };
    await shape(id, row, extendedInMarch(false));
    await backfillHistoryDeadlines(w.db, [id]);
    const lines = await w.db.query(
      `SELECT event, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM item_history WHERE item_id = $1 ORDER BY seq`,
      [id],
    );
    expect(lines.map((l: { event: string; deadline: string | null }) => [l.event, l.deadline])).toEqual([
      ['IMPORT', null],
      ['SET_MEASURES', '2024-02-10'],
      ['REQUEST_EXTENSION', '2024-02-10'],
      ['ADD_PROGRESS_NOTE', '2024-02-10'],
      ['APPROVE_EXTENSION', '2024-05-31'],
    ]);
    expect(await trend(branch.id)).toEqual(EXPECTED_TREND);
  });

  // Long-term since 1 May 2024 with a 30-day interval: next review 31 May 2024.
  const longTermSinceMay = async () => {
    const id = await w.freshItem();
    await shape(id, { status: 'long_term', deadline: '2024-04-30', version: 2, interval: 30 }, [
      {
        seq: 2,
        event: 'APPROVE_LONG_TERM',
        from: 'measures_set',
        to: 'long_term',
        at: '2024-05-01T10:00:00+08:00',
        payload: { reviewIntervalDays: 30, reason: '需长期坚持' },
        deadline: '2024-04-30',
      },
    ]);
    return id;
  };
  const nextReview = async (id: string) => {
    const subjects = new PgReminderSubjectsRepository(w.db);
    const subject = (await subjects.subjects('operator', [id])).get(id)!;
    const swept = (await subjects.openSubjects('operator')).find((s) => s.itemId === id);
    expect(swept).toEqual(subject);
    return scheduleReminders(subject, '2024-05-02', calendar).map((r) => [r.kind, r.dueDate]);
  };

  it("counts a long-term item's next review from its approval, not from a later change of 责任领导 or 问题来源", async () => {
    const id = await longTermSinceMay();
    expect(await nextReview(id)).toEqual([['review', '2024-05-31']]);
    for (const change of [{ responsibleLeader: '李书记' }, { source: 'public_appraisal' }]) {
      const { version } = await w.item(id);
      await request(w.http)
        .patch(`/api/items/${id}`)
        .set(w.as('sec'))
        .send({ ...change, expectedVersion: version })
        .expect(200);
      expect(await nextReview(id)).toEqual([['review', '2024-05-31']]);
    }
  });

  it('restarts the review interval when the secretary records a review, not when a progress note is added', async () => {
    const id = await longTermSinceMay();
    expect((await w.send('sup', id, 'ADD_PROGRESS_NOTE', { note: '督促推进' })).status).toBe(200);
    expect(await nextReview(id)).toEqual([['review', '2024-05-31']]);
    expect((await w.send('sec', id, 'RECORD_LONG_TERM_REVIEW', { note: '本期进展' })).status).toBe(200);
    const reviewedOn = shanghaiDate(new Date());
    const due = new Date(`${reviewedOn}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 30);
    const subject = (await new PgReminderSubjectsRepository(w.db).subjects('operator', [id])).get(id)!;
    expect(subject.lastReviewedOn).toBe(reviewedOn);
    expect(scheduleReminders(subject, reviewedOn, calendar)).toEqual([
      expect.objectContaining({ kind: 'review', dueDate: due.toISOString().slice(0, 10) }),
    ]);
  });
});
