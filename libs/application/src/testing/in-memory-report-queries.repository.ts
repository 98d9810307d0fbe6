import {
  type ReconcileSource,
  type ReportListEntry,
  type ReportQueriesRepository,
  type ReportRecord,
} from '@rectify/persistence';
import { mayOnOrganisation, type ReadScope } from '@rectify/workflow';

/** A stored report for the in-memory repository: its record, text, entries and organisation path. */
export interface InMemoryReport {
  record: ReportRecord;
  text: string;
  organisationPath: string;
  source: ReconcileSource;
}

/** ReportQueriesRepository in memory, for unit tests: the scope follows the pure read rule. */
export class InMemoryReportQueriesRepository implements ReportQueriesRepository {
  constructor(private readonly reports: InMemoryReport[] = []) {}

  async list(scope: ReadScope): Promise<ReportListEntry[]> {
    return this.visible(scope).map(({ record: { extraction: _, ...entry }, organisationPath }) => ({
      ...entry,
      organisationPath,
      items: 0,
    }));
  }

  async findReport(scope: ReadScope, reportId: string): Promise<ReportRecord | null> {
    return this.find(scope, reportId)?.record ?? null;
  }

  async findText(
    scope: ReadScope,
    reportId: string,
  ): Promise<{ text: string; sourceFileName: string } | null> {
    const report = this.find(scope, reportId);
    return report ? { text: report.text, sourceFileName: report.record.sourceFileName } : null;
  }

  async findReconcileSource(scope: ReadScope, reportId: string): Promise<ReconcileSource | null> {
    return this.find(scope, reportId)?.source ?? null;
  }

  private find(scope: ReadScope, reportId: string): InMemoryReport | undefined {
    return this.visible(scope).find((r) => r.record.id === reportId);
  }

  private visible(scope: ReadScope): InMemoryReport[] {
    const viewer = scope === 'operator' ? null : scope;
    return this.reports.filter((r) => mayOnOrganisation(viewer, 'READ', r.organisationPath));
  }
}
