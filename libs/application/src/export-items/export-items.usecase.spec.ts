import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { InMemoryItemQueriesRepository } from '../testing/in-memory-item-queries.repository';
import { InMemoryViewersRepository } from '../testing/in-memory-viewers.repository';
import { itemRecord, TREE, viewerIn } from '../testing/item-detail-records';
import { ExportItemsUseCase, MAX_EXPORT_ROWS } from './export-items.usecase';
import { writeItemsXlsx } from './write-items-xlsx';

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

const supervisor = viewerIn('supervisor', TREE.town);
const secretaryA = viewerIn('secretary', TREE.branchA);

function useCaseOver(count: number, extra = itemRecord(TREE.branchB, { title: '乙的问题' })) {
  const items = Array.from({ length: count }, (_, i) =>
    itemRecord(TREE.branchA, { title: `甲的问题${i + 1}`, seq: i + 1 }),
  );
  return new ExportItemsUseCase(
    new InMemoryViewersRepository([supervisor, secretaryA]),
    new InMemoryItemQueriesRepository([...items, extra]),
  );
}

/** The workbook the writer streams, read back by exceljs. */
async function written(pages: Parameters<typeof writeItemsXlsx>[1]['pages']) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const rows = await writeItemsXlsx(out, {
    title: '整改事项清单',
    generatedAt: '2025-03-03 10:00:00',
    pages,
  });
  await new Promise((resolve) => out.end(resolve));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
  return { rows, sheet: book.worksheets[0] };
}

describe('ExportItemsUseCase', () => {
  it('yields every matching row over several pages, in the list order, within the scope', async () => {
    const exported = await useCaseOver(1201).execute({
      userId: supervisor.userId,
      organisationId: TREE.branchA.id,
      today: '2025-03-03',
    });
    expect(exported.total).toBe(1201);
    const titles: string[] = [];
    for await (const page of exported.pages) titles.push(...page.map((i) => i.title));
    expect(titles).toHaveLength(1201);
    expect(titles[0]).toBe('甲的问题1');
    expect(titles.at(-1)).toBe('甲的问题1201');

    const own = await useCaseOver(3).execute({ userId: secretaryA.userId, today: '2025-03-03' });
    expect(own.total).toBe(3);
  });

  it('refuses more rows than the limit with EXPORT_TOO_LARGE, saying how many and how to narrow', async () => {
    const useCase = useCaseOver(MAX_EXPORT_ROWS);
    await expect(useCase.execute({ userId: supervisor.userId, today: '2025-03-03' })).rejects.toMatchObject({
      code: 'EXPORT_TOO_LARGE',
      message: `符合筛选条件的整改事项共 ${MAX_EXPORT_ROWS + 1} 项，超过一次导出的上限 ${MAX_EXPORT_ROWS} 项：请按党组织、年度或状态缩小范围后分批导出。`,
      details: { total: MAX_EXPORT_ROWS + 1, limit: MAX_EXPORT_ROWS },
    });
    // Narrowed to one branch, the same list fits.
    const narrowed = await useCase.execute({
      userId: supervisor.userId,
      organisationId: TREE.branchB.id,
      today: '2025-03-03',
    });
    expect(narrowed.total).toBe(1);
  });

  it('refuses an organisation the user may not read as ORGANISATION_NOT_FOUND', async () => {
    await expect(
      useCaseOver(1).execute({
        userId: secretaryA.userId,
        organisationId: TREE.town.id,
        today: '2025-03-03',
      }),
    ).rejects.toMatchObject({ code: 'ORGANISATION_NOT_FOUND' });
  });
});

describe('writeItemsXlsx', () => {
  it('writes a title, the header and one text row an item, page after page, with a red 亮灯 cell', async () => {
    const exported = await useCaseOver(
      2,
      itemRecord(TREE.branchB, { title: '超期的问题', status: 'measures_set', deadline: '2025-02-20' }),
    ).execute({ userId: supervisor.userId, today: '2025-03-03' });
    const { rows, sheet } = await written(exported.pages);
    expect(rows).toBe(3);
    expect(sheet.getCell(1, 1).value).toBe('整改事项清单');
    expect(sheet.getCell(2, 4).value).toBe('问题');
    const body = [3, 4, 5].map((r) => (sheet.getRow(r).values as string[]).slice(1));
    expect(body.map((cells) => cells[3])).toEqual(['甲的问题1', '甲的问题2', '超期的问题']);
    expect(body[2]).toEqual([
      '3',
      '乙村党支部',
      '2024',
      '超期的问题',
      '自身查摆',
      '已制定整改措施',
      '2025-02-20',
      '红灯',
      '超期 7 个工作日',
      '否',
    ]);
    expect(sheet.getCell(5, 11).value ?? '').toBe('');
    expect((sheet.getCell(5, 8).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFF0000');
    expect(sheet.getCell(7, 1).value).toBe('生成时间：2025-03-03 10:00:00');
  });

  it('reads the next page only once the download has taken the one before, and stops when it is closed', async () => {
    const exported = await useCaseOver(2).execute({ userId: supervisor.userId, today: '2025-03-03' });
    const [entry] = (await collect(exported.pages))[0];
    // Nobody reads `out`: the writer must wait, not pull every page into memory.
    const out = new PassThrough({ highWaterMark: 1024 });
    let read = 0;
    async function* pages() {
      for (; read < 1_000;) {
        read++;
        yield Array.from({ length: 100 }, () => entry);
      }
    }
    const writing = writeItemsXlsx(out, { title: '整改事项清单', generatedAt: 'now', pages: pages() });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(read).toBeLessThan(10);
    out.destroy();
    await expect(writing).rejects.toThrow('下载已中断');
    expect(read).toBeLessThan(10);
  });
});
