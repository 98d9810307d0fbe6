import {
  type ImportedReportRecord,
  type NewImport,
  type RemoveImport,
  type RemoveImportOutcome,
  type ReportsRepository,
  type StoreImportOutcome,
} from '@rectify/persistence';
import { mayOnOrganisation } from '@rectify/workflow';

/**
 * ReportsRepository in memory, for unit tests of the import: each stored import kept whole (its
 * items, IMPORT actor, reminded statuses, recurrence links), found again by organisation and
 * source hash. For removal, tests say where organisations sit (`organisationPaths`) and which
 * items were worked on (`workedItemIds`); a removed import leaves `imports`.
 */
export class InMemoryReportsRepository implements ReportsRepository {
  readonly imports: (NewImport & { reportId: string; importedAt: Date })[] = [];
  private next = 1;
  /** Organisation id → materialised path, for the scope and the access rule of a removal. */
  readonly organisationPaths = new Map<string, string>();
  /** Items someone worked on (a line beyond the import, or evidence). */
  readonly workedItemIds = new Set<string>();

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
      items: [...found.items]
        .sort((a, b) => a.seq - b.seq)
        .map((i) => ({ id: i.id, seq: i.seq, title: i.title })),
    };
  }

  async storeImport(input: NewImport): Promise<StoreImportOutcome> {
    const again = await this.findImported(input.organisationId, input.sourceHash);
    if (again) return { kind: 'already_imported', report: again };
    const reportId = `00000000-0000-4000-a000-${String(this.next++).padStart(12, '0')}`;
    this.imports.push({ ...input, reportId, importedAt: new Date('2025-01-02T03:04:05Z') });
    return { kind: 'created', reportId };
  }

  async removeImport(input: RemoveImport): Promise<RemoveImportOutcome> {
    const index = this.imports.findIndex((i) => i.reportId === input.reportId);
    const found = this.imports[index];
    const path = found && this.organisationPaths.get(found.organisationId);
    const viewer = input.scope === 'operator' ? null : input.scope;
    if (!found || !path || !mayOnOrganisation(viewer, 'READ', path)) return { kind: 'not_found' };
    if (!input.mayRemove(path)) return { kind: 'forbidden' };
    const worked = found.items.filter((i) => this.workedItemIds.has(i.id)).length;
    if (worked > 0) return { kind: 'in_use', items: found.items.length, worked };
    this.imports.splice(index, 1);
    return { kind: 'removed', items: found.items.length };
  }
}
