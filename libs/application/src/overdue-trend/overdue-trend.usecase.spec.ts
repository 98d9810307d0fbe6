import { adminWorld } from '../testing/admin-fixtures';
import { InMemoryTrackedItemsRepository } from '../testing/in-memory-tracked-items.repository';
import { trackedItem } from '../testing/tracked-item-records';
import { OverdueTrendUseCase } from './overdue-trend.usecase';

async function world() {
  const w = await adminWorld();
  const late = { status: 'measures_set' as const, deadline: '2025-01-31' };
  const trackedItems = new InMemoryTrackedItemsRepository(
    [trackedItem(w.villageA, 2024, late), trackedItem(w.villageB, 2024, late)],
    [w.town, w.villageA, w.villageB],
  );
  return { ...w, useCase: new OverdueTrendUseCase({ ...w, trackedItems }) };
}

describe('OverdueTrendUseCase', () => {
  it('counts month by month what the viewer may see, ending on asOf', async () => {
    const w = await world();
    const forSupervisor = await w.useCase.execute({
      organisationId: w.town.id,
      viewerUserId: w.supervisor.userId,
      months: 3,
      asOf: '2025-03-10',
    });
    expect(forSupervisor.months).toEqual([
      { month: '2025-01', overdue: 0 },
      { month: '2025-02', overdue: 2 },
      { month: '2025-03', overdue: 2 },
    ]);
    const forSecretary = await w.useCase.execute({
      organisationId: w.villageA.id,
      viewerUserId: w.secretary.userId,
      months: 1,
      asOf: '2025-03-10',
    });
    expect(forSecretary.months).toEqual([{ month: '2025-03', overdue: 1 }]);
  });

  it('refuses a month count outside 1 to 36 and a malformed day with INVALID_ARGUMENT', async () => {
    const w = await world();
    for (const request of [{ months: 0 }, { months: 37 }, { months: 1.5 }, { asOf: '2025-02-30' }]) {
      await expect(w.useCase.execute({ organisationId: w.town.id, ...request })).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
    }
  });

  it('answers ORGANISATION_NOT_FOUND for an organisation the viewer may not see', async () => {
    const w = await world();
    await expect(
      w.useCase.execute({ organisationId: w.villageB.id, viewerUserId: w.secretary.userId }),
    ).rejects.toMatchObject({ code: 'ORGANISATION_NOT_FOUND' });
  });
});
