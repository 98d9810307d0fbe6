import { adminWorld } from '../testing/admin-fixtures';
import { InMemoryItemQueriesRepository } from '../testing/in-memory-item-queries.repository';
import { itemRecord } from '../testing/item-detail-records';
import { ListItemsUseCase } from './list-items.usecase';

async function world() {
  const w = await adminWorld();
  const items = new InMemoryItemQueriesRepository([
    itemRecord(w.villageA, { title: '甲的问题', status: 'measures_set' }),
    itemRecord(w.villageB, { title: '乙的问题' }),
    itemRecord(w.town, { title: '镇的问题' }),
  ]);
  return new ListItemsUseCase(w.organisations, items);
}

describe('ListItemsUseCase', () => {
  it('lists the items of an organisation and those below it, in one status if asked', async () => {
    const useCase = await world();
    expect((await useCase.execute({ organisationName: '镇党委' })).map((i) => i.title)).toEqual([
      '甲的问题',
      '乙的问题',
      '镇的问题',
    ]);
    expect((await useCase.execute({ organisationName: ' 甲村党支部 ' })).map((i) => i.organisation)).toEqual([
      '甲村党支部',
    ]);
    expect(
      (await useCase.execute({ organisationName: '镇党委', status: 'measures_set' })).map((i) => i.title),
    ).toEqual(['甲的问题']);
  });

  it('refuses an unknown status with INVALID_ARGUMENT and an unknown organisation with ORGANISATION_NOT_FOUND', async () => {
    const useCase = await world();
    await expect(useCase.execute({ organisationName: '镇党委', status: 'done' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { status: 'done' },
    });
    await expect(useCase.execute({ organisationName: '丙村党支部' })).rejects.toMatchObject({
      code: 'ORGANISATION_NOT_FOUND',
    });
  });
});
