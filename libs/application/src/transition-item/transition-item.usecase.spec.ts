import { itemsWorld } from '../testing/items-world';
import { SYSTEM_ACTOR_ID } from './load-item-with-actor';
import { TransitionItemUseCase } from './transition-item.usecase';

const MEASURES = [{ title: '建立学习制度', responsible: '张书记', deadline: '2026-06-30' }];

describe('TransitionItemUseCase', () => {
  it('applies the event, raises the version, and writes history, outbox, measures and owner', async () => {
    const { items, secretary, item } = itemsWorld();
    const result = await new TransitionItemUseCase(items).execute({
      itemId: item.id,
      event: 'SET_MEASURES',
      payload: { measures: MEASURES },
      actorUserId: secretary.userId,
    });
    expect(result).toEqual({ itemId: item.id, fromStatus: 'identified', status: 'measures_set', version: 2 });
    expect(items.item(item.id)).toMatchObject({
      status: 'measures_set',
      version: 2,
      ownerId: secretary.userId,
    });
    expect(items.history).toEqual([
      expect.objectContaining({
        seq: 2,
        event: 'SET_MEASURES',
        fromStatus: 'identified',
        toStatus: 'measures_set',
      }),
    ]);
    expect(items.outbox).toEqual([{ itemId: item.id, reason: 'SET_MEASURES' }]);
    expect(items.measuresOf(item.id)).toEqual(MEASURES);
  });

  it('files the completion evidence with the submission, in the submitter’s name', async () => {
    const { items, secretary, item } = itemsWorld();
    const uc = new TransitionItemUseCase(items);
    const send = (event: 'SET_MEASURES' | 'SUBMIT_COMPLETION', payload: Record<string, unknown>) =>
      uc.execute({ itemId: item.id, event, payload, actorUserId: secretary.userId });
    await send('SET_MEASURES', { measures: MEASURES });
    await send('SUBMIT_COMPLETION', { evidence: '已建立制度' });
    expect(items.evidence).toEqual([
      expect.objectContaining({ itemId: item.id, text: '已建立制度', createdBy: secretary.userId }),
    ]);
  });

  it('refuses a person outside the item as not permitted, or as not found when asked to hide it', async () => {
    const { items, otherSecretary, item } = itemsWorld();
    const uc = new TransitionItemUseCase(items);
    const command = {
      itemId: item.id,
      event: 'ADD_PROGRESS_NOTE' as const,
      payload: { note: '看看' },
      actorUserId: otherSecretary.userId,
    };
    await expect(uc.execute(command)).rejects.toMatchObject({ code: 'ACTOR_NOT_PERMITTED' });
    await expect(uc.execute({ ...command, hideOutOfScope: true })).rejects.toMatchObject({
      code: 'ITEM_NOT_FOUND',
      message: '整改事项不存在，或不在您的管理范围内：请检查编号。',
    });
    expect(items.history).toEqual([]);
  });

  it('lets a supervisor above read an item it may not act on: the machine refuses, not the scope', async () => {
    const { items, townSupervisor, item } = itemsWorld();
    await expect(
      new TransitionItemUseCase(items).execute({
        itemId: item.id,
        event: 'SET_MEASURES',
        payload: { measures: MEASURES },
        actorUserId: townSupervisor.userId,
        hideOutOfScope: true,
      }),
    ).rejects.toMatchObject({ code: 'ACTOR_NOT_PERMITTED' });
  });

  it('names the current state and the allowed events when the event does not fit the state', async () => {
    const { items, townSupervisor, item } = itemsWorld();
    await expect(
      new TransitionItemUseCase(items).execute({
        itemId: item.id,
        event: 'APPROVE_COMPLETION',
        payload: {},
        actorUserId: townSupervisor.userId,
      }),
    ).rejects.toMatchObject({
      code: 'EVENT_NOT_ALLOWED_IN_STATE',
      details: expect.objectContaining({ currentStatus: 'identified', version: 1 }),
    });
  });

  it('answers ITEM_CHANGED for a stale expected version, and when the version moves before the write', async () => {
    const { items, secretary, item } = itemsWorld();
    const uc = new TransitionItemUseCase(items);
    const command = {
      itemId: item.id,
      event: 'ADD_PROGRESS_NOTE' as const,
      payload: { note: '进展' },
      actorUserId: secretary.userId,
    };
    await expect(uc.execute({ ...command, expectedVersion: 7 })).rejects.toMatchObject({
      code: 'ITEM_CHANGED',
      details: { expectedVersion: 7, currentStatus: 'identified', version: 1 },
    });
    items.beforeWrite = (id) => {
      items.item(id)!.version = 5;
    };
    await expect(uc.execute(command)).rejects.toMatchObject({
      code: 'ITEM_CHANGED',
      details: { currentStatus: 'identified', version: 5 },
    });
    expect(items.history).toEqual([]);
  });

  it('tells unknown people and unknown or malformed items apart', async () => {
    const { items, secretary, item, unknownId } = itemsWorld();
    const uc = new TransitionItemUseCase(items);
    const note = { event: 'ADD_PROGRESS_NOTE' as const, payload: { note: 'x' } };
    await expect(uc.execute({ ...note, itemId: item.id, actorUserId: unknownId })).rejects.toMatchObject({
      code: 'USER_NOT_FOUND',
    });
    await expect(uc.execute({ ...note, itemId: item.id, actorUserId: 'bob' })).rejects.toMatchObject({
      code: 'USER_NOT_FOUND',
    });
    await expect(
      uc.execute({ ...note, itemId: unknownId, actorUserId: secretary.userId }),
    ).rejects.toMatchObject({ code: 'ITEM_NOT_FOUND' });
    await expect(
      uc.execute({ ...note, itemId: 'not-a-uuid', actorUserId: secretary.userId }),
    ).rejects.toMatchObject({ code: 'ITEM_NOT_FOUND' });
  });

  it('lets the system reopen a signed-off item, with no person behind the history line', async () => {
    const { items, item } = itemsWorld();
    items.item(item.id)!.status = 'completed';
    const result = await new TransitionItemUseCase(items).execute({
      itemId: item.id,
      event: 'REOPEN',
      payload: { reason: '次年报告称未完成' },
      actorUserId: SYSTEM_ACTOR_ID,
    });
    expect(result.fromStatus).toBe('completed');
    expect(items.history[0].actor).toEqual({ userId: SYSTEM_ACTOR_ID, role: 'system' });
  });
});
