import { InMemoryEvidenceStore } from '../testing/in-memory-evidence-store';
import { itemsWorld } from '../testing/items-world';
import { AttachEvidenceUseCase } from '../attach-evidence/attach-evidence.usecase';
import { UpdateItemDetailsUseCase } from '../item-details/update-item-details.usecase';
import { RestoreItemUseCase } from '../restore-item/restore-item.usecase';
import { TransitionItemUseCase } from '../transition-item/transition-item.usecase';
import { WithdrawItemUseCase } from './withdraw-item.usecase';

function setUp() {
  const world = itemsWorld();
  const withdraw = (actorUserId: string, reason = '重复录入', expectedVersion?: number) =>
    new WithdrawItemUseCase(world.items).execute({
      itemId: world.item.id,
      actorUserId,
      reason,
      expectedVersion,
    });
  const restore = (actorUserId: string, note?: string, expectedVersion?: number) =>
    new RestoreItemUseCase(world.items).execute({
      itemId: world.item.id,
      actorUserId,
      note,
      expectedVersion,
    });
  return { ...world, withdraw, restore };
}

describe('WithdrawItemUseCase and RestoreItemUseCase', () => {
  it('withdraws with the reason on a WITHDRAW line, keeping the status, and restores it as it was', async () => {
    const { items, item, townSupervisor, admin, withdraw, restore } = setUp();
    items.item(item.id)!.status = 'measures_set';
    expect(await withdraw(townSupervisor.userId, ' 与第3项重复 ')).toEqual({ itemId: item.id, version: 2 });
    expect(items.item(item.id)).toMatchObject({
      status: 'measures_set',
      withdrawn: true,
      withdrawnBy: townSupervisor.userId,
      withdrawReason: '与第3项重复',
      version: 2,
    });
    expect(await restore(admin.userId, '确属本组织问题')).toEqual({ itemId: item.id, version: 3 });
    expect(items.item(item.id)).toMatchObject({
      status: 'measures_set',
      withdrawn: false,
      withdrawnBy: null,
      withdrawReason: null,
    });
    expect(items.history.map((l) => [l.event, l.fromStatus, l.toStatus, l.payload])).toEqual([
      ['WITHDRAW', 'measures_set', 'measures_set', { reason: '与第3项重复' }],
      ['RESTORE', 'measures_set', 'measures_set', { note: '确属本组织问题' }],
    ]);
    // The worker drops the reminders of a withdrawn item and schedules them again on restoring.
    expect(items.outbox.map((o) => o.reason)).toEqual(['WITHDRAW', 'RESTORE']);
  });

  it('refuses the item’s own secretary and a supervisor of the same organisation (403), naming who may', async () => {
    const { items, item, secretary, villageSupervisor, withdraw } = setUp();
    for (const person of [secretary, villageSupervisor]) {
      await expect(withdraw(person.userId)).rejects.toMatchObject({
        code: 'ACTOR_NOT_PERMITTED',
        message: expect.stringContaining('上级党组织、管理员'),
      });
    }
    expect(items.item(item.id)?.withdrawn).toBe(false);
    expect(items.history).toEqual([]);
  });

  it('hides the item from a person who may not read it, and asks for a reason', async () => {
    const { otherSecretary, townSupervisor, withdraw } = setUp();
    await expect(withdraw(otherSecretary.userId)).rejects.toMatchObject({ code: 'ITEM_NOT_FOUND' });
    await expect(withdraw(townSupervisor.userId, '   ')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(withdraw(townSupervisor.userId, '因'.repeat(501))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('answers ITEM_CHANGED for a stale version and writes nothing', async () => {
    const { items, item, townSupervisor, withdraw } = setUp();
    await expect(withdraw(townSupervisor.userId, '重复', 7)).rejects.toMatchObject({ code: 'ITEM_CHANGED' });
    expect(items.item(item.id)).toMatchObject({ withdrawn: false, version: 1 });
  });

  it('refuses withdrawing twice (ITEM_WITHDRAWN) and restoring a standing item', async () => {
    const { townSupervisor, withdraw, restore } = setUp();
    await expect(restore(townSupervisor.userId)).rejects.toMatchObject({
      code: 'EVENT_NOT_ALLOWED_IN_STATE',
    });
    await withdraw(townSupervisor.userId);
    await expect(withdraw(townSupervisor.userId)).rejects.toMatchObject({ code: 'ITEM_WITHDRAWN' });
  });

  it('lets only a supervisor above or an administrator restore', async () => {
    const { townSupervisor, secretary, withdraw, restore } = setUp();
    await withdraw(townSupervisor.userId);
    await expect(restore(secretary.userId)).rejects.toMatchObject({ code: 'ACTOR_NOT_PERMITTED' });
  });

  it('refuses every lifecycle event, detail edit and evidence upload on a withdrawn item (409 ITEM_WITHDRAWN)', async () => {
    const { items, item, townSupervisor, secretary, withdraw } = setUp();
    await withdraw(townSupervisor.userId);
    const refusal = { code: 'ITEM_WITHDRAWN', message: expect.stringContaining('该整改事项已撤销') };
    await expect(
      new TransitionItemUseCase(items).execute({
        itemId: item.id,
        event: 'ADD_PROGRESS_NOTE',
        payload: { note: '已组织学习' },
        actorUserId: secretary.userId,
      }),
    ).rejects.toMatchObject(refusal);
    await expect(
      new UpdateItemDetailsUseCase(items).execute({
        itemId: item.id,
        actorUserId: secretary.userId,
        title: '新标题',
      }),
    ).rejects.toMatchObject(refusal);
    const files = new InMemoryEvidenceStore();
    await expect(
      new AttachEvidenceUseCase(items, files).execute({
        itemId: item.id,
        userId: secretary.userId,
        text: '',
        file: { name: 'a.pdf', bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]) },
      }),
    ).rejects.toMatchObject(refusal);
    expect(items.history.map((l) => l.event)).toEqual(['WITHDRAW']);
    expect(files.committed.size).toBe(0);
  });
});
