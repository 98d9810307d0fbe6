import { type NewImport } from '@rectify/persistence';
import { InMemoryReportsRepository } from '../testing/in-memory-reports.repository';
import { InMemoryViewersRepository } from '../testing/in-memory-viewers.repository';
import { TREE, viewerIn } from '../testing/item-detail-records';
import { RemoveImportUseCase } from './remove-import.usecase';

const admin = viewerIn('admin', TREE.town);
const supervisor = viewerIn('supervisor', TREE.town);
const secretaryB = viewerIn('secretary', TREE.branchB);

function anImport(itemIds: string[]): NewImport {
  return {
    organisationId: TREE.branchA.id,
    year: 2025,
    title: null,
    sourceFileName: '对照检查材料.docx',
    sourceHash: itemIds.join(','),
    text: '',
    extraction: {} as NewImport['extraction'],
    importedBy: admin.userId,
    items: itemIds.map((id, i) => ({
      id,
      seq: i + 1,
      title: `问题${i + 1}`,
      detail: '',
      source: 'self_inspection',
      status: 'identified',
      deadline: null,
      responsibleLeader: null,
      reviewIntervalDays: null,
      measures: [],
      historyPayload: {},
    })),
    actor: { userId: admin.userId, role: 'admin' },
    remindedStatuses: [],
    recurrenceLinks: [],
    recurrenceMaxLinks: 3,
  };
}

async function setUp() {
  const reports = new InMemoryReportsRepository();
  reports.organisationPaths.set(TREE.branchA.id, TREE.branchA.path);
  const stored = await reports.storeImport(anImport(['i1', 'i2', 'i3']));
  if (stored.kind !== 'created') throw new Error('not stored');
  const uc = new RemoveImportUseCase(new InMemoryViewersRepository([admin, supervisor, secretaryB]), reports);
  const remove = (userId: string, reportId = stored.reportId) => uc.execute({ userId, reportId });
  return { reports, reportId: stored.reportId, remove };
}

describe('RemoveImportUseCase', () => {
  it('lets an administrator remove an import nobody has worked on, with its items', async () => {
    const { reports, reportId, remove } = await setUp();
    expect(await remove(admin.userId)).toEqual({ reportId, removedItems: 3 });
    expect(reports.imports).toEqual([]);
  });

  it('refuses when items were worked on (409 REPORT_IN_USE, naming how many), removing nothing', async () => {
    const { reports, remove } = await setUp();
    reports.workedItemIds.add('i2');
    await expect(remove(admin.userId)).rejects.toMatchObject({
      code: 'REPORT_IN_USE',
      message: expect.stringContaining('3个整改事项中已有1个开始办理'),
      details: { items: 3, worked: 1 },
    });
    expect(reports.imports).toHaveLength(1);
  });

  it('refuses a supervisor who sees the report (403) and hides it from one who does not (404)', async () => {
    const { reports, remove } = await setUp();
    await expect(remove(supervisor.userId)).rejects.toMatchObject({ code: 'ADMIN_ONLY' });
    await expect(remove(secretaryB.userId)).rejects.toMatchObject({ code: 'REPORT_NOT_FOUND' });
    await expect(remove(admin.userId, 'not-a-uuid')).rejects.toMatchObject({ code: 'REPORT_NOT_FOUND' });
    expect(reports.imports).toHaveLength(1);
  });
});
