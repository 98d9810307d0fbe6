import { randomUUID } from 'node:crypto';
import { type DataSource, type EntityManager } from 'typeorm';
import { RectificationItemEntity } from '../../entities/rectification-item.entity';
import { ReportEntity } from '../../entities/report.entity';
import { storeImportStatement } from './pg-store-import';
import { removeImport } from './pg-remove-import';
import {
  type ImportedReportRecord,
  type NewImport,
  type RemoveImport,
  type RemoveImportOutcome,
  type ReportsRepository,
  type StoreImportOutcome,
} from './reports.repository';

/** ReportsRepository on PostgreSQL (or PGlite) through a TypeORM DataSource. */
export class PgReportsRepository implements ReportsRepository {
  constructor(private readonly db: DataSource) {}

  findImported(organisationId: string, sourceHash: string): Promise<ImportedReportRecord | null> {
    return findImported(this.db.manager, organisationId, sourceHash);
  }

  async storeImport(input: NewImport): Promise<StoreImportOutcome> {
    // One statement, so one implicit transaction (see storeImportStatement). Planned for its
    // values each time: as a prepared statement, its generic plan took twice as long.
    const statement = storeImportStatement(input, randomUUID());
    const [report]: { id: string }[] = await this.db.query(statement.text, statement.values);
    if (report) return { kind: 'created', reportId: report.id };
    // Another import stored the same file first (committed: ON CONFLICT waited for it).
    const first = await findImported(this.db.manager, input.organisationId, input.sourceHash);
    if (!first) throw new Error('report_org_hash_key conflicted, but no report has the file');
    return { kind: 'already_imported', report: first };
  }

  removeImport(input: RemoveImport): Promise<RemoveImportOutcome> {
    return this.db.transaction((m) => removeImport(m, input));
  }
}

async function findImported(
  m: EntityManager,
  organisationId: string,
  sourceHash: string,
): Promise<ImportedReportRecord | null> {
  // Asked twice an import (before and in its transaction): plain SQL, the ORM's building cost more.
  const [existing]: Pick<ReportEntity, 'id' | 'year' | 'importedAt' | 'extraction'>[] = await m.query(
    `SELECT id, year, imported_at AS "importedAt", extraction FROM report
      WHERE organisation_id = $1 AND source_hash = $2`,
    [organisationId, sourceHash],
  );
  if (!existing) return null;
  const items = await m
    .getRepository(RectificationItemEntity)
    .find({ where: { reportId: existing.id }, order: { seq: 'ASC' } });
  return {
    reportId: existing.id,
    year: existing.year,
    importedAt: existing.importedAt,
    extraction: existing.extraction,
    itemIds: items.map((i) => i.id),
    items: items.map((i) => ({ id: i.id, seq: i.seq, title: i.title })),
  };
}
