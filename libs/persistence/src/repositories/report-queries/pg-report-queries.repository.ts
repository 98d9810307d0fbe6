import { type ReadScope } from '@rectify/workflow';
import { type DataSource } from 'typeorm';
import { scopeCondition } from '../scope/scope-condition';
import {
  type ReconcileSource,
  type ReportListEntry,
  type ReportQueriesRepository,
  type ReportRecord,
} from './report-queries.repository';

/** ReportQueriesRepository on PostgreSQL (or PGlite); the scope is a condition inside each query. */
export class PgReportQueriesRepository implements ReportQueriesRepository {
  constructor(private readonly db: DataSource) {}

  list(scope: ReadScope): Promise<ReportListEntry[]> {
    const cond = scopeCondition(scope, 1);
    return this.db.query(
      `SELECT r.id, r.organisation_id AS "organisationId", o.name AS "organisationName",
              o.path AS "organisationPath", r.year, r.title,
              r.source_file_name AS "sourceFileName", r.imported_at AS "importedAt",
              -- Every item it made, withdrawn ones too: the import's own size.
              (SELECT count(*)::int FROM rectification_item i WHERE i.report_id = r.id) AS items
         FROM report r JOIN organisation o ON o.id = r.organisation_id
        WHERE ${cond.sql}
        ORDER BY r.imported_at DESC`,
      cond.params,
    );
  }

  findReport(scope: ReadScope, reportId: string): Promise<ReportRecord | null> {
    return this.visibleReport<ReportRecord>(
      scope,
      reportId,
      `r.id, r.organisation_id AS "organisationId", o.name AS "organisationName", r.year, r.title,
       r.source_file_name AS "sourceFileName", r.imported_at AS "importedAt", r.extraction`,
    );
  }

  findText(scope: ReadScope, reportId: string): Promise<{ text: string; sourceFileName: string } | null> {
    return this.visibleReport(scope, reportId, `r.text, r.source_file_name AS "sourceFileName"`);
  }

  findReconcileSource(scope: ReadScope, reportId: string): Promise<ReconcileSource | null> {
    return this.visibleReport<ReconcileSource>(
      scope,
      reportId,
      `r.organisation_id AS "organisationId", r.year, r.extraction -> 'lastYearRectification' AS entries`,
    );
  }

  private async visibleReport<T>(scope: ReadScope, reportId: string, columns: string): Promise<T | null> {
    const cond = scopeCondition(scope, 2);
    const rows: T[] = await this.db.query(
      `SELECT ${columns} FROM report r JOIN organisation o ON o.id = r.organisation_id WHERE r.id = $1 AND ${cond.sql}`,
      [reportId, ...cond.params],
    );
    return rows[0] ?? null;
  }
}
