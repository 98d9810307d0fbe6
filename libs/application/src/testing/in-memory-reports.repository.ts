import {
  type ImportedReportRecord,
  type NewImport,
  type ReportsRepository,
  type StoreImportOutcome,
} from '@rectify/persistence';

/**
 * ReportsRepository in memory, for unit tests of the import: each stored import kept whole (its
 * items, IMPORT actor, reminded statuses, recurrence links), found again by organisation and
 * source hash.
 */
export class InMemoryReportsRepository implements ReportsRepository {
  readonly imports: (NewImport & { reportId: string; importedAt: Date })[] = [];
  private next = 1;

  async findImported(organisationId: string, sourceHash: string): Promise<ImportedReportRecord | null> {
    const found = this.imports.find(
      (i) => i.organisationId === organisationId && i.sourceHash === sourceHash,
    );
    if (!found) return null;
    return {
      reportId: found.reportId,
      year: found.year,
      importedAt: found.importedAt,
      extraction: found.extraction,
      itemIds: [...found.items].sort((a, b) => a.seq - b.seq).map((i) => i.id),
    };
  }

  async storeImport(input: NewImport): Promise<StoreImportOutcome> {
    const again = await this.findImported(input.organisationId, input.sourceHash);
    if (again) return { kind: 'already_imported', report: again };
    const reportId = `00000000-0000-4000-a000-${String(this.next++).padStart(12, '0')}`;
    this.imports.push({ ...input, reportId, importedAt: new Date('2025-01-02T03:04:05Z') });
    return { kind: 'created', reportId };
  }
}
