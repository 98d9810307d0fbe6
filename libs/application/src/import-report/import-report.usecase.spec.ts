import { type ReportQueriesRepository } from '@rectify/persistence';
import { adminWorld } from '../testing/admin-fixtures';
import { InMemoryReportsRepository } from '../testing/in-memory-reports.repository';
import { InMemoryTrackedItemsRepository } from '../testing/in-memory-tracked-items.repository';
import { ImportReportUseCase } from './import-report.usecase';
import { closeReportWorkPool } from './report-work-pool';

const REPORT = Buffer.from(
  [
    '甲村党支部2024年度组织生活会对照检查材料',
    '一、存在问题',
    '1. 理论学习不够深入。学习流于形式。',
    '2. 组织生活不够规范。会议记录不全。',
    '二、整改措施',
    '1. 针对第1个问题，制定学习计划。',
  ].join('\n'),
  'utf8',
);

async function setUp() {
  const world = await adminWorld();
  const reports = new InMemoryReportsRepository();
  // The import's reconciliation is best effort: a failing one (here: a file imported before,
  // checked as stored) leaves `reconciliation` null.
  const reportQueries = {} as ReportQueriesRepository;
  const uc = new ImportReportUseCase({
    reports,
    reportQueries,
    organisations: world.organisations,
    viewers: world.viewers,
    trackedItems: new InMemoryTrackedItemsRepository(),
  });
  return { ...world, reports, uc };
}

describe('ImportReportUseCase', () => {
  afterAll(() => closeReportWorkPool());

  it('stores one item per problem, in the importer’s name, and says when the file came before', async () => {
    const { reports, uc, villageA, admin } = await setUp();
    const command = { bytes: REPORT, fileName: 'a.txt', organisationName: villageA.name, year: 2024 };
    const first = await uc.execute({ ...command, importedByUserId: admin.userId });
    expect(first).toMatchObject({
      created: true,
      year: 2024,
      // Checked while stored, against last year's items (none).
      reconciliation: { problemYear: 2023, reconciliation: { unchecked: 'no_tracked_items' } },
    });
    expect(first.itemIds).toHaveLength(2);
    const [stored] = reports.imports;
    expect(stored).toMatchObject({
      organisationId: villageA.id,
      actor: { userId: admin.userId, role: 'admin' },
      importedBy: admin.userId,
    });
    expect(stored.items.map((i) => [i.id, i.status, i.source])).toEqual(
      first.itemIds.map((id) => [id, 'identified', 'self_inspection']),
    );
    expect(stored.remindedStatuses).toEqual(expect.arrayContaining(['measures_set']));

    const again = await uc.execute(command);
    expect(again).toMatchObject({
      created: false,
      reportId: first.reportId,
      itemIds: first.itemIds,
      reconciliation: null,
    });
    expect(again.warnings[0]).toContain('该报告此前已导入（2025-01-02）');
    expect(reports.imports).toHaveLength(1);
  });

  it('answers with the items as saved: a title corrected in the preview, a dropped problem left out, also when imported again', async () => {
    const { uc, villageA, admin } = await setUp();
    const command = {
      bytes: REPORT,
      fileName: 'a.txt',
      organisationName: villageA.name,
      year: 2024,
      importedByUserId: admin.userId,
      corrections: { dropProblemSeqs: [1], titles: { '2': '组织生活制度落实不规范' } },
    };
    const first = await uc.execute(command);
    expect(first.items.map((i) => [i.id, i.seq, i.title])).toEqual([
      [first.itemIds[0], 2, '组织生活制度落实不规范'],
    ]);
    expect((await uc.execute(command)).items).toEqual(first.items);
  });

  it('imports as the system when no administrator is named, and by organisation id', async () => {
    const { reports, uc, villageB } = await setUp();
    await uc.execute({
      bytes: REPORT,
      fileName: 'b.txt',
      organisationId: villageB.id,
      source: 'superior_review',
    });
    expect(reports.imports[0]).toMatchObject({
      actor: { userId: 'system', role: 'system' },
      importedBy: null,
    });
    expect(reports.imports[0].items.every((i) => i.source === 'superior_review')).toBe(true);
  });

  it('lets only an administrator import (ADMIN_ONLY before any other check), storing nothing', async () => {
    const { reports, uc, villageA, supervisor, secretary } = await setUp();
    for (const person of [supervisor, secretary]) {
      await expect(
        uc.execute({
          bytes: Buffer.from('不是报告'),
          fileName: 'x.bin',
          organisationName: villageA.name,
          source: 'rumour' as never,
          importedByUserId: person.userId,
        }),
      ).rejects.toMatchObject({ code: 'ADMIN_ONLY', message: '只有管理员可以导入报告：请联系管理员。' });
    }
    expect(reports.imports).toEqual([]);
  });

  it('refuses an unknown source or organisation, storing nothing', async () => {
    const { reports, uc, villageA } = await setUp();
    await expect(
      uc.execute({
        bytes: REPORT,
        fileName: 'a.txt',
        organisationName: villageA.name,
        source: 'rumour' as never,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(
      uc.execute({ bytes: REPORT, fileName: 'a.txt', organisationName: '不存在的支部' }),
    ).rejects.toMatchObject({ code: 'ORGANISATION_NOT_FOUND' });
    expect(reports.imports).toEqual([]);
  });

  it('answers a file imported before as such, even when the comparison with other years fails', async () => {
    const { reports, uc, villageA, admin, organisations, viewers } = await setUp();
    const command = { bytes: REPORT, fileName: 'a.txt', organisationName: villageA.name, year: 2024 };
    const first = await uc.execute({ ...command, importedByUserId: admin.userId });
    const failing = new ImportReportUseCase({
      reports,
      reportQueries: {} as ReportQueriesRepository,
      organisations,
      viewers,
      trackedItems: Object.assign(new InMemoryTrackedItemsRepository(), {
        recurrenceWindow: () => Promise.reject(new Error('the lookup failed')),
      }),
    });
    await expect(failing.execute(command)).resolves.toMatchObject({
      created: false,
      reportId: first.reportId,
    });
    // A new file's failing comparison is the import's failure: nothing is stored.
    await expect(
      failing.execute({ ...command, fileName: 'b.txt', bytes: Buffer.concat([REPORT, Buffer.from('\n')]) }),
    ).rejects.toThrow('the lookup failed');
    expect(reports.imports).toHaveLength(1);
  });
});
