import { InMemoryItemQueriesRepository } from '../testing/in-memory-item-queries.repository';
import { InMemoryViewersRepository } from '../testing/in-memory-viewers.repository';
import { itemRecord, TREE, viewerIn } from '../testing/item-detail-records';
import { SearchItemsUseCase } from './search-items.usecase';

const secretaryA = viewerIn('secretary', TREE.branchA);
const supervisor = viewerIn('supervisor', TREE.town);
const inA = itemRecord(TREE.branchA, { status: 'measures_set', deadline: '2025-02-28', title: '甲的问题' });
const inB = itemRecord(TREE.branchB, { status: 'pending_review', deadline: '2025-03-31', title: '乙的问题' });
const atTown = itemRecord(TREE.town, { title: '镇的问题' });
const withdrawnInA = itemRecord(TREE.branchA, {
  title: '撤销的问题',
  withdrawn: { at: '2025-03-01T02:00:00.000Z', by: '镇党委书记', reason: '重复录入' },
});

const useCase = new SearchItemsUseCase(
  new InMemoryViewersRepository([secretaryA, supervisor]),
  new InMemoryItemQueriesRepository([inA, inB, atTown, withdrawnInA]),
);
const search = (
  userId: string,
  criteria: { organisationId?: string; text?: string; withdrawn?: 'exclude' | 'include' | 'only' } = {},
) => useCase.execute({ userId, page: 1, pageSize: 20, today: '2025-03-03', ...criteria });

describe('SearchItemsUseCase', () => {
  it('lists what the reader may see, each entry with the actions they may take on it', async () => {
    const own = await search(secretaryA.userId);
    expect(own.items.map((i) => [i.id, i.allowedActions])).toEqual([
      [
        inA.id,
        [
          'SET_MEASURES',
          'SUBMIT_COMPLETION',
          'REQUEST_EXTENSION',
          'ADD_PROGRESS_NOTE',
          'EDIT_DETAILS',
          'ATTACH_EVIDENCE',
        ],
      ],
    ]);
    const all = await search(supervisor.userId);
    expect(all.total).toBe(3);
    const actions = new Map(all.items.map((i) => [i.id, i.allowedActions]));
    expect(actions.get(inB.id)).toEqual(expect.arrayContaining(['APPROVE_COMPLETION', 'EDIT_DETAILS']));
    // The town's 书记 works the town's own items (the level above signs them off), never signs them off.
    expect(actions.get(atTown.id)).toEqual([
      'SET_MEASURES',
      'ADD_PROGRESS_NOTE',
      'EDIT_DETAILS',
      'ATTACH_EVIDENCE',
    ]);
  });

  it('leaves withdrawn items out unless asked for them, marking them and offering only RESTORE', async () => {
    expect((await search(supervisor.userId)).items.map((i) => i.id)).not.toContain(withdrawnInA.id);
    const only = await search(supervisor.userId, { withdrawn: 'only' });
    expect(only.items.map((i) => [i.id, i.withdrawn, i.allowedActions])).toEqual([
      [withdrawnInA.id, true, ['RESTORE']],
    ]);
    const all = await search(supervisor.userId, { withdrawn: 'include' });
    expect(all.total).toBe(4);
    expect(all.items.filter((i) => i.withdrawn).map((i) => i.id)).toEqual([withdrawnInA.id]);
  });

  it('lights each entry and counts its working days, without exposing paths or machine context', async () => {
    const [entry] = (await search(secretaryA.userId)).items;
    expect(entry).toMatchObject({ light: 'red', overdue: true, workdaysLeft: null, workdaysOverdue: 1 });
    expect(entry).not.toHaveProperty('organisationPath');
    expect(entry).not.toHaveProperty('pendingExtension');
  });

  it('refuses an organisation filter that names no organisation, and an account that is gone', async () => {
    await expect(search(supervisor.userId, { organisationId: 'nowhere' })).rejects.toMatchObject({
      code: 'ORGANISATION_NOT_FOUND',
    });
    await expect(search('gone')).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
  });

  it('keeps the page and page size it was asked for', async () => {
    const page = await useCase.execute({
      userId: supervisor.userId,
      page: 2,
      pageSize: 2,
      today: '2025-03-03',
    });
    expect(page).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(page.items).toHaveLength(1);
  });

  it('narrows to an organisation alone or with those below it, by stage, and only within the scope', async () => {
    const ids = async (criteria: Parameters<typeof useCase.execute>[0]) =>
      (await useCase.execute(criteria)).items.map((i) => i.id);
    const base = { userId: supervisor.userId, page: 1, pageSize: 20, today: '2025-03-03' };
    expect(await ids({ ...base, organisationId: atTown.organisationId })).toEqual([
      inA.id,
      inB.id,
      atTown.id,
    ]);
    expect(await ids({ ...base, organisationId: atTown.organisationId, subtree: false })).toEqual([
      atTown.id,
    ]);
    expect(await ids({ ...base, stage: 'open' })).toEqual([inA.id, inB.id, atTown.id]);
    expect(await ids({ ...base, stage: 'completed' })).toEqual([]);
    await expect(
      useCase.execute({ ...base, userId: secretaryA.userId, organisationId: atTown.organisationId }),
    ).rejects.toMatchObject({
      code: 'ORGANISATION_NOT_FOUND',
      details: { organisationId: atTown.organisationId },
    });
  });
});
