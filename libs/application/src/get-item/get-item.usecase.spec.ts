import { InMemoryItemQueriesRepository } from '../testing/in-memory-item-queries.repository';
import { InMemoryViewersRepository } from '../testing/in-memory-viewers.repository';
import { itemRecord, TREE, viewerIn } from '../testing/item-detail-records';
import { GetItemUseCase } from './get-item.usecase';

const secretaryA = viewerIn('secretary', TREE.branchA);
const secretaryB = viewerIn('secretary', TREE.branchB);
const supervisor = viewerIn('supervisor', TREE.town);
const admin = viewerIn('admin', TREE.town);
const evidence = (createdBy: string | null) => ({
  id: `e-${createdBy}`,
  text: '会议记录',
  fileName: null,
  createdBy,
  createdAt: '2025-01-02T00:00:00.000Z',
});
const pending = itemRecord(TREE.branchA, {
  status: 'pending_review',
  deadline: '2025-03-31',
  evidence: [evidence(secretaryA.userId), evidence(null)],
});
const completed = itemRecord(TREE.branchA, {
  status: 'completed',
  deadline: '2025-01-10',
  evidence: [evidence(secretaryA.userId)],
});
const overdue = itemRecord(TREE.branchA, {
  status: 'measures_set',
  deadline: '2025-02-28',
  reportYear: null,
});

const withdrawn = itemRecord(TREE.branchA, {
  status: 'measures_set',
  deadline: '2025-03-31',
  evidence: [evidence(secretaryA.userId)],
  withdrawn: { at: '2025-03-01T02:00:00.000Z', by: '镇党委书记', reason: '重复录入' },
});

const useCase = new GetItemUseCase(
  new InMemoryViewersRepository([secretaryA, secretaryB, supervisor, admin]),
  new InMemoryItemQueriesRepository([pending, completed, overdue, withdrawn]),
);
const get = (userId: string, itemId: string, today = '2025-03-03') =>
  useCase.execute({ userId, itemId, today });

describe('GetItemUseCase', () => {
  it('answers ITEM_NOT_FOUND alike for an item out of scope, an unknown item and a malformed id', async () => {
    for (const itemId of [pending.id, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      await expect(get(secretaryB.userId, itemId)).rejects.toMatchObject({
        code: 'ITEM_NOT_FOUND',
        details: { itemId },
      });
    }
  });

  it('answers USER_NOT_FOUND when the account is gone', async () => {
    await expect(get('gone', pending.id)).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
  });

  it('reads as the viewer the caller has just read, without reading the positions again', async () => {
    const noViewers = new GetItemUseCase(
      new InMemoryViewersRepository([]),
      new InMemoryItemQueriesRepository([pending]),
    );
    const item = await noViewers.execute({
      userId: supervisor.userId,
      viewer: supervisor,
      itemId: pending.id,
      today: '2025-03-03',
    });
    expect(item.allowedActions).toEqual((await get(supervisor.userId, pending.id)).allowedActions);
    await expect(
      noViewers.execute({
        userId: secretaryB.userId,
        viewer: secretaryB,
        itemId: pending.id,
        today: '2025-03-03',
      }),
    ).rejects.toMatchObject({ code: 'ITEM_NOT_FOUND' });
  });

  it('tells each reader the actions they may take now', async () => {
    expect((await get(secretaryA.userId, pending.id)).allowedActions).toEqual([
      'ADD_PROGRESS_NOTE',
      'EDIT_DETAILS',
      'ATTACH_EVIDENCE',
    ]);
    expect((await get(supervisor.userId, pending.id)).allowedActions).toEqual(
      expect.arrayContaining(['APPROVE_COMPLETION', 'RETURN_FOR_REWORK', 'EDIT_DETAILS']),
    );
    expect((await get(supervisor.userId, pending.id)).allowedActions).not.toContain('ATTACH_EVIDENCE');
    expect((await get(admin.userId, completed.id)).allowedActions).toEqual([
      'REOPEN',
      'EDIT_DETAILS',
      'WITHDRAW',
    ]);
  });

  it('shows a withdrawn item with who withdrew it and why, offering only RESTORE, and no evidence deletion', async () => {
    const item = await get(supervisor.userId, withdrawn.id);
    expect(item.withdrawn).toEqual({ at: '2025-03-01T02:00:00.000Z', by: '镇党委书记', reason: '重复录入' });
    expect(item.allowedActions).toEqual(['RESTORE']);
    expect(item.evidence.map((e) => e.mayDelete)).toEqual([false]);
    expect((await get(secretaryA.userId, withdrawn.id)).allowedActions).toEqual([]);
    expect((await get(secretaryA.userId, pending.id)).withdrawn).toBeNull();
  });

  it('lets the uploader and an admin delete evidence before sign-off, nobody after', async () => {
    const mayDelete = async (userId: string, itemId: string) =>
      (await get(userId, itemId)).evidence.map((e) => e.mayDelete);
    expect(await mayDelete(secretaryA.userId, pending.id)).toEqual([true, false]);
    expect(await mayDelete(supervisor.userId, pending.id)).toEqual([false, false]);
    expect(await mayDelete(admin.userId, pending.id)).toEqual([true, true]);
    expect(await mayDelete(admin.userId, completed.id)).toEqual([false]);
  });

  it('lights the item and counts working days left or overdue, and does not show the path', async () => {
    const left = await get(secretaryA.userId, pending.id, '2025-03-24');
    expect(left).toMatchObject({ light: 'yellow', workdaysLeft: 5, workdaysOverdue: null });
    const late = await get(secretaryA.userId, overdue.id, '2025-03-03');
    expect(late).toMatchObject({ light: 'red', workdaysLeft: null, workdaysOverdue: 1 });
    const done = await get(secretaryA.userId, completed.id);
    expect(done).toMatchObject({ light: 'not_lit', workdaysLeft: null, workdaysOverdue: null });
    expect(done).not.toHaveProperty('organisationPath');
  });

  it('tells the year of the report the item came from, null when the report names none', async () => {
    expect((await get(secretaryA.userId, pending.id)).reportYear).toBe(2024);
    expect((await get(secretaryA.userId, overdue.id)).reportYear).toBeNull();
  });
});
