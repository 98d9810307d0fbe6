import { type LedgerRow } from '@rectify/domain';
import { BuildLedgerUseCase } from '../build-ledger/build-ledger.usecase';
import { adminWorld } from '../testing/admin-fixtures';
import { InMemoryTrackedItemsRepository } from '../testing/in-memory-tracked-items.repository';
import { trackedItem } from '../testing/tracked-item-records';
import { ExportLedgerUseCase, LEDGER_PAGE_SIZE } from './export-ledger.usecase';

async function world(perOrganisation: number) {
  const w = await adminWorld();
  const items = [w.town, w.villageB, w.villageA].flatMap((org) =>
    Array.from({ length: perOrganisation }, (_, n) =>
      trackedItem(org, 2024, {
        seq: (n * 7) % 13,
        title: `问题${n}`,
        reportImportedAt: new Date(Date.UTC(2024, 2, 1, 0, 0, n % 5)).toISOString(),
      }),
    ),
  );
  const trackedItems = new InMemoryTrackedItemsRepository(items, [w.town, w.villageA, w.villageB]);
  const ports = { ...w, trackedItems };
  return {
    ...w,
    trackedItems,
    exportLedger: new ExportLedgerUseCase(ports),
    buildLedger: new BuildLedgerUseCase(ports),
  };
}

async function collect(pages: AsyncIterable<LedgerRow[]>): Promise<LedgerRow[][]> {
  const all: LedgerRow[][] = [];
  for await (const page of pages) all.push(page);
  return all;
}

describe('ExportLedgerUseCase', () => {
  it('gives the rows of BuildLedgerUseCase, in its order and numbering, a page at a time', async () => {
    const w = await world(400);
    const request = { organisationId: w.town.id, problemYear: 2024, asOf: '2024-12-20' };
    const exported = await w.exportLedger.execute(request);
    const pages = await collect(exported.pages);
    const whole = await w.buildLedger.execute(request);
    expect(exported.title).toBe(whole.title);
    expect(pages.map((p) => p.length)).toEqual([
      LEDGER_PAGE_SIZE,
      LEDGER_PAGE_SIZE,
      1200 - 2 * LEDGER_PAGE_SIZE,
    ]);
    expect(pages.flat()).toEqual(whole.rows);
  });

  it('reads a few organisations at a time and still gives the whole ledger in order, each read given only their ranks', async () => {
    const w = await world(600);
    const reads: number[] = [];
    const trackedItems = w.trackedItems;
    const loadPage = trackedItems.loadPage.bind(trackedItems);
    trackedItems.loadPage = (scope, query) => {
      reads.push(query.organisationRanks.size);
      return loadPage(scope, query);
    };
    const request = { organisationId: w.town.id, problemYear: 2024, asOf: '2024-12-20' };
    const grouped = new ExportLedgerUseCase({ ...w, trackedItems }, 1);
    const pages = await collect((await grouped.execute(request)).pages);
    expect(pages.flat()).toEqual((await w.buildLedger.execute(request)).rows);
    // Three organisations of 600 items: a group each, read in two pages (keyset within the group).
    expect(pages.map((p) => p.length)).toEqual([500, 100, 500, 100, 500, 100]);
    expect(reads.every((n) => n === 1)).toBe(true);
  });

  it('reads only what the viewer may see', async () => {
    const w = await world(3);
    const exported = await w.exportLedger.execute({
      organisationId: w.villageA.id,
      viewerUserId: w.secretary.userId,
      problemYear: 2024,
    });
    const rows = (await collect(exported.pages)).flat();
    expect(rows.map((r) => r.cells[5])).toEqual([w.villageA.name, w.villageA.name, w.villageA.name]);
  });

  it('refuses before any page: a bad year, an organisation out of scope', async () => {
    const w = await world(1);
    await expect(
      w.exportLedger.execute({ organisationId: w.town.id, problemYear: 24 }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(
      w.exportLedger.execute({
        organisationId: w.villageB.id,
        viewerUserId: w.secretary.userId,
        problemYear: 2024,
      }),
    ).rejects.toMatchObject({ code: 'ORGANISATION_NOT_FOUND' });
  });
});
