import { randomUUID } from 'node:crypto';
import { type ItemDetailRecord } from '@rectify/persistence';
import { type Viewer } from '@rectify/workflow';
import {
  InMemoryTodoQueriesRepository,
  type TodoItemRecord,
} from '../testing/in-memory-todo-queries.repository';
import { InMemoryViewersRepository } from '../testing/in-memory-viewers.repository';
import { itemRecord, TREE, viewerIn } from '../testing/item-detail-records';
import { GetTodoUseCase, TODO_LIST_LIMIT } from './get-todo.usecase';

const TODAY = '2025-03-03'; // a Monday
const secretaryA = viewerIn('secretary', TREE.branchA);
const supervisor = viewerIn('supervisor', TREE.town);
/** A member of 甲村 without 整改责任, picked as 责任人 of a measure. */
const memberA: Viewer = {
  userId: randomUUID(),
  positions: [
    {
      organisationId: TREE.branchA.id,
      organisationPath: TREE.branchA.path,
      kind: 'party_worker',
      rights: [],
    },
  ],
};

type HistoryLine = ItemDetailRecord['history'][number];
const line = (event: string, from: string | null, to: string, at: string, payload = {}): HistoryLine => ({
  seq: 0,
  event,
  actorId: supervisor.userId,
  actorName: '王镇',
  actorRole: 'supervisor',
  fromStatus: from,
  toStatus: to,
  payload,
  at,
});

const submittedLater = itemRecord(TREE.branchA, {
  title: '后提交的',
  status: 'pending_review',
  deadline: '2025-04-30',
  history: [line('SUBMIT_COMPLETION', 'measures_set', 'pending_review', '2025-03-02T02:00:00.000Z')],
});
const submittedEarlier = itemRecord(TREE.branchB, {
  title: '先提交的',
  status: 'pending_review',
  deadline: '2025-04-30',
  history: [line('SUBMIT_COMPLETION', 'measures_set', 'pending_review', '2025-03-01T02:00:00.000Z')],
});
const townSubmitted = itemRecord(TREE.town, { title: '镇的问题', status: 'pending_review' });
const extension = itemRecord(TREE.branchB, {
  title: '申请延期的',
  status: 'measures_set',
  deadline: '2025-04-30',
  pendingExtension: { newDeadline: '2025-05-30', reason: '雨季施工', requestedBy: randomUUID() },
  history: [
    line('SET_MEASURES', 'identified', 'measures_set', '2025-02-01T02:00:00.000Z'),
    line('REQUEST_EXTENSION', 'measures_set', 'measures_set', '2025-02-20T02:00:00.000Z'),
  ],
});
const returnedOverdue = itemRecord(TREE.branchA, {
  title: '被退回的',
  status: 'measures_set',
  deadline: '2025-02-28',
  history: [
    line('SUBMIT_COMPLETION', 'measures_set', 'pending_review', '2025-02-10T02:00:00.000Z'),
    line('RETURN_FOR_REWORK', 'pending_review', 'measures_set', '2025-02-11T02:00:00.000Z', {
      reason: '佐证材料不全',
    }),
    line('ADD_PROGRESS_NOTE', 'measures_set', 'measures_set', '2025-02-12T02:00:00.000Z'),
  ],
});
const resubmitted = itemRecord(TREE.branchA, {
  title: '退回后已重新提交',
  status: 'pending_review',
  history: [
    line('RETURN_FOR_REWORK', 'pending_review', 'measures_set', '2025-02-11T02:00:00.000Z', {
      reason: '不全',
    }),
    line('SUBMIT_COMPLETION', 'measures_set', 'pending_review', '2025-02-12T02:00:00.000Z'),
  ],
});
const unplanned = itemRecord(TREE.branchA, { title: '未制定措施', status: 'identified' });
const dueSoon = itemRecord(TREE.branchA, {
  title: '快到期的',
  status: 'measures_set',
  deadline: '2025-03-06',
  measures: [
    { seq: 1, title: '整改', responsible: '张三', responsibleUserId: memberA.userId, deadline: '2025-03-06' },
  ],
});
const farOff = itemRecord(TREE.branchA, {
  title: '时间还早',
  status: 'measures_set',
  deadline: '2025-06-30',
});
const withdrawn = itemRecord(TREE.branchA, {
  title: '撤销的',
  status: 'identified',
  withdrawn: { at: '2025-03-01T02:00:00.000Z', by: '王镇', reason: '重复录入' },
});

const world = (items: TodoItemRecord[]) =>
  new GetTodoUseCase(
    new InMemoryViewersRepository([secretaryA, supervisor, memberA]),
    new InMemoryTodoQueriesRepository(items),
  );
const all = [
  submittedLater,
  submittedEarlier,
  townSubmitted,
  extension,
  returnedOverdue,
  resubmitted,
  unplanned,
  dueSoon,
  farOff,
  withdrawn,
].map((record) => ({ record }));
const todoOf = (viewer: Viewer, items: TodoItemRecord[] = all) =>
  world(items).execute({ userId: viewer.userId, today: TODAY });
const ids = (list: { entries: { itemId: string }[] }) => list.entries.map((e) => e.itemId);

describe('GetTodoUseCase', () => {
  it('lists for a supervisor the submissions and extension requests they may decide, oldest first', async () => {
    const todo = await todoOf(supervisor);
    expect(todo.review.entries.map((e) => [e.itemId, e.kind, e.action, e.since])).toEqual([
      [resubmitted.id, 'sign_off', 'APPROVE_COMPLETION', '2025-02-12T02:00:00.000Z'],
      [extension.id, 'extension', 'APPROVE_EXTENSION', '2025-02-20T02:00:00.000Z'],
      [submittedEarlier.id, 'sign_off', 'APPROVE_COMPLETION', '2025-03-01T02:00:00.000Z'],
      [submittedLater.id, 'sign_off', 'APPROVE_COMPLETION', '2025-03-02T02:00:00.000Z'],
    ]);
    // The town's own submission is signed off from above the town, not by its own 书记.
    expect(ids(todo.review)).not.toContain(townSubmitted.id);
    expect(todo.review.entries[1]).toMatchObject({
      requestedDeadline: '2025-05-30',
      requestReason: '雨季施工',
    });
  });

  it('shows a secretary what was returned, with the reason, and not what was resubmitted', async () => {
    const todo = await todoOf(secretaryA);
    expect(todo.review.total).toBe(0);
    expect(todo.returned.entries).toEqual([
      expect.objectContaining({
        itemId: returnedOverdue.id,
        reason: '佐证材料不全',
        returnedBy: '王镇',
        returnedAt: '2025-02-11T02:00:00.000Z',
        action: 'SUBMIT_COMPLETION',
      }),
    ]);
    expect(ids(todo.needsMeasures)).toEqual([unplanned.id]);
    expect(todo.needsMeasures.entries[0].action).toBe('SET_MEASURES');
  });

  it('sorts open items by light into due soon and overdue, leaving withdrawn and far-off items out', async () => {
    const todo = await todoOf(secretaryA);
    expect(ids(todo.dueSoon)).toEqual([dueSoon.id]);
    expect(todo.dueSoon.entries[0].workdaysLeft).toBe(3);
    expect(ids(todo.overdue)).toEqual([returnedOverdue.id]);
    expect(todo.overdue.entries[0].workdaysOverdue).toBe(1);
    const everything = [todo.review, todo.returned, todo.needsMeasures, todo.dueSoon, todo.overdue].flatMap(
      ids,
    );
    expect(everything).not.toContain(withdrawn.id);
    expect(everything).not.toContain(farOff.id);
  });

  it('counts each item once for the badge, whatever lists it is on', async () => {
    const todo = await todoOf(secretaryA);
    // returned + overdue are the same item; needsMeasures and dueSoon one each.
    expect(todo.counts).toEqual({
      review: 0,
      returned: 1,
      needsMeasures: 1,
      dueSoon: 1,
      overdue: 1,
      total: 3,
    });
  });

  it('reminds the 责任人 of a measure of its deadline, with nothing for them to send', async () => {
    const todo = await todoOf(memberA);
    expect(todo.dueSoon.entries).toEqual([expect.objectContaining({ itemId: dueSoon.id, action: null })]);
    expect(todo.counts.total).toBe(1);
  });

  it('lists the items a person owns outside the organisations they work', async () => {
    const owned = itemRecord(TREE.branchB, {
      title: '乙村的',
      status: 'measures_set',
      deadline: '2025-02-27',
    });
    expect(ids((await todoOf(supervisor, [{ record: owned }])).overdue)).toEqual([]);
    expect(ids((await todoOf(supervisor, [{ record: owned, ownerId: supervisor.userId }])).overdue)).toEqual([
      owned.id,
    ]);
  });

  it(`caps each list at ${TODO_LIST_LIMIT} entries and still tells the true count`, async () => {
    const many = Array.from({ length: TODO_LIST_LIMIT + 5 }, () => ({
      record: itemRecord(TREE.branchA, { status: 'identified' }),
    }));
    const todo = await todoOf(secretaryA, many);
    expect(todo.needsMeasures.entries).toHaveLength(TODO_LIST_LIMIT);
    expect(todo.needsMeasures.total).toBe(TODO_LIST_LIMIT + 5);
    expect(todo.counts.total).toBe(TODO_LIST_LIMIT + 5);
  });

  it('answers USER_NOT_FOUND for an account that is gone', async () => {
    await expect(world([]).execute({ userId: randomUUID(), today: TODAY })).rejects.toMatchObject({
      code: 'USER_NOT_FOUND',
    });
  });
});
