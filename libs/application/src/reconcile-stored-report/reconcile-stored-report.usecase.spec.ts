import { randomUUID } from 'node:crypto';
import { type ExtractionResult } from '@rectify/domain';
import { adminWorld } from '../testing/admin-fixtures';
import { InMemoryReportQueriesRepository } from '../testing/in-memory-report-queries.repository';
import { InMemoryTrackedItemsRepository } from '../testing/in-memory-tracked-items.repository';
import { ReconcileStoredReportUseCase } from './reconcile-stored-report.usecase';

async function world(year: number | null) {
  const w = await adminWorld();
  const reportId = randomUUID();
  const reportQueries = new InMemoryReportQueriesRepository([
    {
      record: {
        id: reportId,
        organisationId: w.villageB.id,
        organisationName: w.villageB.name,
        year,
        title: null,
        sourceFileName: 'b.txt',
        importedAt: '2025-01-15T00:00:00.000Z',
        extraction: {} as ExtractionResult,
      },
      text: '',
      organisationPath: w.villageB.path,
      source: { organisationId: w.villageB.id, year, entries: null },
    },
  ]);
  const trackedItems = new InMemoryTrackedItemsRepository([], [w.town, w.villageA, w.villageB]);
  return { ...w, reportId, useCase: new ReconcileStoredReportUseCase({ ...w, trackedItems, reportQueries }) };
}

describe('ReconcileStoredReportUseCase', () => {
  it('answers REPORT_NOT_FOUND alike for a report of an organisation out of scope, unknown, or a malformed id', async () => {
    const w = await world(2024);
    const commands = [
      { reportId: w.reportId, viewerUserId: w.secretary.userId },
      { reportId: randomUUID() },
      { reportId: 'not-a-uuid' },
    ];
    for (const command of commands) {
      await expect(w.useCase.execute(command)).rejects.toMatchObject({
        code: 'REPORT_NOT_FOUND',
        details: { reportId: command.reportId },
      });
    }
  });

  it('refuses a report whose year is unknown with INVALID_ARGUMENT, saying how to fix it', async () => {
    const w = await world(null);
    await expect(
      w.useCase.execute({ reportId: w.reportId, viewerUserId: w.supervisor.userId }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('重新导入') });
  });

  it('answers USER_NOT_FOUND when the viewer account is gone', async () => {
    const w = await world(2024);
    await expect(
      w.useCase.execute({ reportId: w.reportId, viewerUserId: '00000000-0000-4000-8000-0000000000ff' }),
    ).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
  });
});
