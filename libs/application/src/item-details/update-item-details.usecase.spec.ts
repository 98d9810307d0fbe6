import { itemsWorld } from '../testing/items-world';
import { UpdateItemDetailsUseCase } from './update-item-details.usecase';

describe('UpdateItemDetailsUseCase', () => {
  it('changes source and 责任领导 with a history line, and nothing of the lifecycle', async () => {
    const { items, secretary, item } = itemsWorld();
    const result = await new UpdateItemDetailsUseCase(items).execute({
      itemId: item.id,
      actorUserId: secretary.userId,
      source: 'superior_review',
      responsibleLeader: ' 李书记 ',
    });
    expect(result).toEqual({ itemId: item.id, version: 2 });
    expect(items.item(item.id)).toMatchObject({
      source: 'superior_review',
      responsibleLeader: '李书记',
      status: 'identified',
      version: 2,
    });
    expect(items.history).toEqual([
      expect.objectContaining({
        seq: 2,
        event: 'UPDATE_DETAILS',
        payload: { source: 'superior_review', responsibleLeader: '李书记' },
      }),
    ]);
    expect(items.outbox).toEqual([]);
  });

  it('corrects title and detail, keeping what they replaced on the history line', async () => {
    const { items, townSupervisor, item } = itemsWorld();
    await new UpdateItemDetailsUseCase(items).execute({
      itemId: item.id,
      actorUserId: townSupervisor.userId,
      title: ' 理论学习不够系统 ',
      detail: '全年集中学习仅4次',
    });
    expect(items.item(item.id)).toMatchObject({ title: '理论学习不够系统', detail: '全年集中学习仅4次' });
    expect(items.history[0].payload).toEqual({
      title: '理论学习不够系统',
      detail: '全年集中学习仅4次',
      previousTitle: '学习不够深入',
      previousDetail: '',
    });
  });

  it('lets the creator of an item edit it even from their own organisation', async () => {
    const { items, villageSupervisor, item } = itemsWorld();
    items.item(item.id)!.createdBy = villageSupervisor.userId;
    await expect(
      new UpdateItemDetailsUseCase(items).execute({
        itemId: item.id,
        actorUserId: villageSupervisor.userId,
        title: '更正后的标题',
      }),
    ).resolves.toEqual({ itemId: item.id, version: 2 });
  });

  it('clears 责任领导 with null and leaves the source alone', async () => {
    const { items, admin, item } = itemsWorld();
    items.item(item.id)!.responsibleLeader = '王书记';
    await new UpdateItemDetailsUseCase(items).execute({
      itemId: item.id,
      actorUserId: admin.userId,
      responsibleLeader: null,
    });
    expect(items.item(item.id)).toMatchObject({ source: 'self_inspection', responsibleLeader: null });
  });

  it('refuses bad input before reading anything', async () => {
    const { items, secretary, item } = itemsWorld();
    const uc = new UpdateItemDetailsUseCase(items);
    const base = { itemId: item.id, actorUserId: secretary.userId };
    for (const bad of [
      { source: 'rumour' as never },
      { responsibleLeader: '   ' },
      { responsibleLeader: '长'.repeat(51) },
      { title: '  ' },
      { title: '长'.repeat(501) },
      { detail: '长'.repeat(5001) },
      {},
    ]) {
      await expect(uc.execute({ ...base, ...bad })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
    expect(items.history).toEqual([]);
  });

  it('lets a supervisor above edit, not a supervisor of the same organisation', async () => {
    const { items, townSupervisor, villageSupervisor, item } = itemsWorld();
    const uc = new UpdateItemDetailsUseCase(items);
    await expect(
      uc.execute({ itemId: item.id, actorUserId: villageSupervisor.userId, responsibleLeader: '甲' }),
    ).rejects.toMatchObject({ code: 'ACTOR_NOT_PERMITTED' });
    await expect(
      uc.execute({ itemId: item.id, actorUserId: townSupervisor.userId, responsibleLeader: '甲' }),
    ).resolves.toEqual({ itemId: item.id, version: 2 });
  });

  it('hides an item out of scope as not found', async () => {
    const { items, otherSecretary, item } = itemsWorld();
    await expect(
      new UpdateItemDetailsUseCase(items).execute({
        itemId: item.id,
        actorUserId: otherSecretary.userId,
        responsibleLeader: '甲',
      }),
    ).rejects.toMatchObject({ code: 'ITEM_NOT_FOUND' });
  });

  it('answers ITEM_CHANGED when the expected version is not the current one', async () => {
    const { items, secretary, item } = itemsWorld();
    await expect(
      new UpdateItemDetailsUseCase(items).execute({
        itemId: item.id,
        actorUserId: secretary.userId,
        responsibleLeader: '甲',
        expectedVersion: 3,
      }),
    ).rejects.toMatchObject({ code: 'ITEM_CHANGED' });
    expect(items.item(item.id)!.version).toBe(1);
  });
});
