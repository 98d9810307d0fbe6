import { type DataSource, type EntityManager } from 'typeorm';
import { RectificationItemEntity } from '../../entities/rectification-item.entity';
import { ReportEntity } from '../../entities/report.entity';
import { insertRecurrenceLinks } from '../tracked-items/recurrence-links';
import { insertImportedItems } from './pg-insert-imported-items';
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

  storeImport(input: NewImport): Promise<StoreImportOutcome> {
    return this.db.transaction(async (m) => {
      // Written as SQL, as the items are: the ORM's statement building cost more than the insert.
      // The same file for the same organisation is stored once (report_org_hash_key): a file
      // another import stored first (committed meanwhile) is answered with that import.
      const [report]: { id: string }[] = await m.query(
        `INSERT INTO report (organisation_id, year, title, source_file_name, source_hash, text, extraction, imported_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)
         ON CONFLICT (organisation_id, source_hash) DO NOTHING RETURNING id`,
        [
          input.organisationId,
          input.year,
          input.title,
          input.sourceFileName,
          input.sourceHash,
          input.text,
          JSON.stringify(input.extraction),
          input.importedBy,
        ],
      );
      if (!report) {
        const first = await findImported(m, input.organisationId, input.sourceHash);
        if (!first) throw new Error('report_org_hash_key conflicted, but no report has the file');
        return { kind: 'already_imported', report: first };
      }
      await insertImportedItems(m, report.id, input);
      await insertRecurrenceLinks(m, input.recurrenceLinks, {
        maxLinksPerItem: input.recurrenceMaxLinks,
        newItemIds: new Set(input.items.map((i) => i.id)),
      });
      return { kind: 'created', reportId: report.id };
    });
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
