import { adminWorld } from '../testing/admin-fixtures';
import { InMemoryTrackedItemsRepository } from '../testing/in-memory-tracked-items.repository';
import { trackedItem } from '../testing/tracked-item-records';
import { GenerateLastYearSectionUseCase } from './generate-last-year-section.usecase';

async function world() {
  const w = await adminWorld();
  const trackedItems = new InMemoryTrackedItemsRepository(
    [trackedItem(w.villageA, 2023, { title: '学习不够深入' })],
    [w.town, w.villageA, w.villageB],
  );
  return { ...w, useCase: new GenerateLastYearSectionUseCase({ ...w, trackedItems }) };
}

describe('GenerateLastYearSectionUseCase', () => {
  it("writes the section of a report from the year before's items", async () => {
    const w = await world();
    const result = await w.useCase.execute({
      organisationName: '甲村党支部',
      reportYear: 2024,
      asOf: '2025-01-10',
    });
    expect(result.organisation).toEqual({ id: w.villageA.id, name: '甲村党支部' });
    expect(result.section).toMatchObject({ reportYear: 2024, problemYear: 2023 });
    expect(result.section.paragraphs).toHaveLength(1);
  });

  it('says NO_TRACKED_ITEMS, naming the year to import, when that year has none', async () => {
    const w = await world();
    await expect(
      w.useCase.execute({ organisationName: '乙村党支部', reportYear: 2024 }),
    ).rejects.toMatchObject({
      code: 'NO_TRACKED_ITEMS',
      details: { organisationId: w.villageB.id, problemYear: 2023 },
    });
  });

  it('refuses a malformed report year, and an organisation out of the viewer scope', async () => {
    const w = await world();
    await expect(w.useCase.execute({ organisationName: '甲村党支部', reportYear: 24 })).rejects.toMatchObject(
      {
        code: 'INVALID_ARGUMENT',
      },
    );
    await expect(
      w.useCase.execute({
        organisationId: w.villageA.id,
        viewerUserId: w.secretary.userId,
        reportYear: 2024,
      }),
    ).resolves.toBeDefined();
    await expect(
      w.useCase.execute({ organisationId: w.town.id, viewerUserId: w.secretary.userId, reportYear: 2024 }),
    ).rejects.toMatchObject({ code: 'ORGANISATION_NOT_FOUND' });
  });
});
