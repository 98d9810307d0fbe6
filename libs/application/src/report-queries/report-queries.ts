import { type DataSource } from 'typeorm';
import { ApplicationError } from '../errors/application-error';
import { scopeCondition, viewerScope } from '../item-queries/viewer-scope';
import { isUuid } from '../common/is-uuid';

export interface ReportListEntry {
  id: string;
  organisationId: string;
  organisationName: string;
  year: number | null;
  title: string | null;
  sourceFileName: string;
  importedAt: string;
  items: number;
}

const notFound = (reportId: string) =>
  new ApplicationError('REPORT_NOT_FOUND', '报告不存在，或不在您的管理范围内：请检查编号。', { reportId });

/** Reports of the organisations the user may see, newest first. */
export async function listReports(db: DataSource, userId: string): Promise<ReportListEntry[]> {
  const cond = scopeCondition(await viewerScope(db, userId), 1);
  return db.query(
    `SELECT r.id, r.organisation_id AS "organisationId", o.name AS "organisationName", r.year, r.title,
            r.source_file_name AS "sourceFileName", r.imported_at AS "importedAt",
            (SELECT count(*)::int FROM rectification_item i WHERE i.report_id = r.id) AS items
       FROM report r JOIN organisation o ON o.id = r.organisation_id
      WHERE ${cond.sql}
      ORDER BY r.imported_at DESC`,
    cond.params,
  );
}

async function visibleReport<T>(
  db: DataSource,
  userId: string,
  reportId: string,
  columns: string,
): Promise<T> {
  if (!isUuid(reportId)) throw notFound(reportId);
  const cond = scopeCondition(await viewerScope(db, userId), 2);
  const rows: T[] = await db.query(
    `SELECT ${columns} FROM report r JOIN organisation o ON o.id = r.organisation_id WHERE r.id = $1 AND ${cond.sql}`,
    [reportId, ...cond.params],
  );
  if (!rows[0]) throw notFound(reportId);
  return rows[0];
}

export function getReport(db: DataSource, userId: string, reportId: string) {
  return visibleReport<Record<string, unknown>>(
    db,
    userId,
    reportId,
    `r.id, r.organisation_id AS "organisationId", o.name AS "organisationName", r.year, r.title,
     r.source_file_name AS "sourceFileName", r.imported_at AS "importedAt", r.extraction`,
  );
}

export async function getReportText(db: DataSource, userId: string, reportId: string) {
  return visibleReport<{ text: string; sourceFileName: string }>(
    db,
    userId,
    reportId,
    `r.text, r.source_file_name AS "sourceFileName"`,
  );
}
