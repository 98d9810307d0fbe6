import { createHash, randomUUID } from 'node:crypto';
import {
  cleanText,
  cleanTextDeep,
  type ExtractionResult,
  ITEM_SOURCE_LABELS,
  ITEM_SOURCES,
  type ItemSource,
  problemName,
  quoted,
  type RecurringProblem,
} from '@rectify/domain';
import { OrganisationEntity, RectificationItemEntity, ReportEntity } from '@rectify/persistence';
import { type DataSource, type EntityManager } from 'typeorm';
import { ApplicationError } from '../errors/application-error';
import {
  matchRecurrence,
  type RecurrenceMatch,
  storeRecurrenceLinks,
} from '../closing-loop/detect-recurrence';
import { reconcileStoredReport, type ReconcileResult } from '../closing-loop/reconcile.usecase';
import { createItems } from './create-items';
import { readReportOffThread } from './report-work-pool';

export interface ImportReportCommand {
  bytes: Uint8Array;
  fileName: string;
  /** The organisation by name (CLI) or by id (API); one of the two. */
  organisationName?: string;
  organisationId?: string;
  /** Overrides the year the parser found (or could not find). */
  year?: number;
  /** Where the report's problems came from (问题来源); self-inspection unless given. */
  source?: ItemSource;
  /** What the administrator corrected in the preview before confirming. */
  corrections?: ImportCorrections;
  importedByUserId?: string;
}

/**
 * Corrections made in the import preview: problems that are not problems (dropped), and
 * titles the parser cut badly (rewritten). Keyed by the problem's seq in the preview.
 */
export interface ImportCorrections {
  dropProblemSeqs?: number[];
  titles?: Record<string, string>;
}

export interface ImportReportResult {
  created: boolean;
  reportId: string;
  year: number | null;
  itemIds: string[];
  warnings: string[];
  extraction: ExtractionResult;
  /** The report's problems that repeat an organisation's earlier problems (反复出现). */
  recurring: RecurringProblem[];
  /** Its 上年度整改情况 checked against last year's items; null when the year is unknown. */
  reconciliation: ReconcileResult | null;
}

/**
 * Extracts a report and, in one transaction, stores it with one rectification item per problem
 * (and the measures the text links to it). The same file imported again for the same
 * organisation creates nothing and says so. Reading the file and comparing its problems with
 * other years' run in worker threads (report-work-pool.ts), within IMPORT_LIMITS: more than
 * maxProblems problems are refused (413 REPORT_TOO_LARGE, reason TOO_MANY_PROBLEMS).
 */
export async function importReport(
  db: DataSource,
  command: ImportReportCommand,
): Promise<ImportReportResult> {
  if (command.source !== undefined && !(ITEM_SOURCES as readonly string[]).includes(command.source)) {
    throw new ApplicationError(
      'INVALID_ARGUMENT',
      `问题来源"${command.source}"无效：可选 ${ITEM_SOURCES.map((s) => `${s}（${ITEM_SOURCE_LABELS[s]}）`).join('、')}。`,
      { source: command.source },
    );
  }
  // Everything stored from a report (its text, titles, details, measures) reaches Word and
  // Excel files later: characters XML forbids are cleaned out before anything is parsed.
  const read = await readReportOffThread(command.bytes, command.fileName, { clean: true });
  let extraction = read.extraction;
  if (command.corrections) extraction = applyCorrections(extraction, cleanTextDeep(command.corrections));
  const stored = await storeExtraction(
    db,
    { ...command, fileName: cleanText(command.fileName) },
    read.text,
    extraction,
  );
  return { ...stored, reconciliation: await reconcileAfterImport(db, stored.reportId, stored.year) };
}

/**
 * The report is stored by now, so a check that cannot be made (an unusable year, a failing
 * query) must not turn the import into an error: it is left out and can be asked for later.
 */
async function reconcileAfterImport(
  db: DataSource,
  reportId: string,
  year: number | null,
): Promise<ReconcileResult | null> {
  if (year === null) return null;
  try {
    return await reconcileStoredReport(db, { reportId });
  } catch {
    // Asked for again at GET /api/reports/{id}/reconciliation or with `rectify reconcile`.
    return null;
  }
}

type StoredImport = Omit<ImportReportResult, 'reconciliation'>;

const NO_MATCH: RecurrenceMatch = { recurring: [], links: [], warnings: [] };

/**
 * Stores the report unless it was imported already. Its problems are compared with other years'
 * before the transaction (the comparison may take seconds, and the embedded database serves
 * nobody else while a transaction is open), against item ids chosen beforehand.
 */
async function storeExtraction(
  db: DataSource,
  command: ImportReportCommand,
  text: string,
  extraction: ExtractionResult,
): Promise<StoredImport> {
  const sourceHash = createHash('sha256').update(command.bytes).digest('hex');
  const year = command.year ?? extraction.year;
  const org = await findOrganisation(db.manager, command);
  const imported = await alreadyImported(db.manager, org.id, sourceHash);
  if (imported) return imported;
  const itemIds = extraction.problems.map(() => randomUUID());
  const match =
    year === null
      ? NO_MATCH
      : await matchRecurrence(db, {
          organisationId: org.id,
          year,
          problems: extraction.problems.map((p, i) => ({ itemId: itemIds[i], seq: p.seq, title: p.title })),
        });
  return db.transaction(async (m) => {
    const again = await alreadyImported(m, org.id, sourceHash);
    if (again) return again;
    const warnings = [...extraction.warnings];
    if (year === null) warnings.push('报告年度未知：请用 --year 指定，以便按年度统计整改情况。');
    const report = m.getRepository(ReportEntity).create({
      organisationId: org.id,
      year,
      title: extraction.title,
      sourceFileName: command.fileName,
      sourceHash,
      text,
      extraction,
      importedBy: command.importedByUserId ?? null,
    });
    await m.getRepository(ReportEntity).insert(report);
    await createItems(m, report, extraction, itemIds, command.importedByUserId, command.source);
    await storeRecurrenceLinks(m, match.links);
    warnings.push(...match.warnings);
    for (const r of match.recurring) {
      const e = r.earlier[0];
      warnings.push(
        `第${r.seq}个问题${quoted(problemName(r.title))}与${e.year}年度的${quoted(problemName(e.title))}问题相似，已标记为反复出现：请上级党组织关注。`,
      );
    }
    return {
      created: true,
      reportId: report.id,
      year,
      itemIds,
      warnings,
      extraction,
      recurring: match.recurring,
    };
  });
}

async function findOrganisation(m: EntityManager, command: ImportReportCommand): Promise<OrganisationEntity> {
  const org = await m
    .getRepository(OrganisationEntity)
    .findOneBy(
      command.organisationId ? { id: command.organisationId } : { name: command.organisationName?.trim() },
    );
  if (!org) {
    const named = command.organisationName ?? command.organisationId;
    throw new ApplicationError(
      'ORGANISATION_NOT_FOUND',
      `组织"${named}"不存在：请检查名称，或先用 "rectify orgs add" 添加该组织。`,
      { organisation: named },
    );
  }
  return org;
}

/** The result of an import of this file for this organisation made before, or null. */
async function alreadyImported(
  m: EntityManager,
  organisationId: string,
  sourceHash: string,
): Promise<StoredImport | null> {
  const existing = await m.getRepository(ReportEntity).findOneBy({ organisationId, sourceHash });
  if (!existing) return null;
  const items = await m
    .getRepository(RectificationItemEntity)
    .find({ where: { reportId: existing.id }, order: { seq: 'ASC' } });
  return {
    created: false,
    reportId: existing.id,
    year: existing.year,
    itemIds: items.map((i) => i.id),
    warnings: [`该报告此前已导入（${existing.importedAt.toISOString().slice(0, 10)}），未重复创建整改事项。`],
    extraction: existing.extraction,
    recurring: [],
  };
}

const MAX_TITLE_LENGTH = 200;

/** The extraction as the administrator confirmed it; each correction is noted in the warnings. */
export function applyCorrections(
  extraction: ExtractionResult,
  corrections: ImportCorrections,
): ExtractionResult {
  const seqs = new Set(extraction.problems.map((p) => p.seq));
  const named = [
    ...(corrections.dropProblemSeqs ?? []),
    ...Object.keys(corrections.titles ?? {}).map(Number),
  ];
  const unknown = named.filter((seq) => !Number.isInteger(seq) || !seqs.has(seq));
  if (unknown.length > 0) {
    throw new ApplicationError(
      'INVALID_ARGUMENT',
      `更正中的问题序号 ${unknown.join('、')} 不存在：报告中的问题序号为 ${[...seqs].join('、') || '（无）'}，请重新预览后再更正。`,
      { unknownSeqs: unknown },
    );
  }
  const dropped = new Set(corrections.dropProblemSeqs ?? []);
  const warnings = [...extraction.warnings];
  const problems = extraction.problems
    .filter((p) => {
      if (dropped.has(p.seq))
        warnings.push(`导入时剔除了第${p.seq}个问题"${p.title}"（经管理员确认不是问题）。`);
      return !dropped.has(p.seq);
    })
    .map((p) => {
      const title = corrections.titles?.[String(p.seq)]?.trim();
      if (title === undefined || title === p.title) return p;
      if (title === '' || title.length > MAX_TITLE_LENGTH) {
        throw new ApplicationError(
          'INVALID_ARGUMENT',
          `第${p.seq}个问题的标题应为1至${MAX_TITLE_LENGTH}个字。`,
          {
            seq: p.seq,
          },
        );
      }
      warnings.push(`导入时第${p.seq}个问题的标题由"${p.title}"更正为"${title}"。`);
      return { ...p, title };
    });
  return { ...extraction, problems, warnings };
}
