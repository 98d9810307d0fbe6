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
  RECURRENCE_MAX_LINKS,
  REMINDED_STATUSES,
  type RecurringProblem,
} from '@rectify/domain';
import {
  type ImportedItemRef,
  type ImportedReportRecord,
  type OrganisationRecord,
  type ReportQueriesRepository,
  type ReportsRepository,
} from '@rectify/persistence';
import { type ReadScope } from '@rectify/workflow';
import { type ClosingLoopPorts } from '../closing-loop/closing-loop-ports';
import { matchReportRecurrence, type RecurrenceMatch } from '../closing-loop/recurrence-match';
import {
  type ReconcileResult,
  reconcileWith,
  requireYear,
  YEAR_HINT_FOR_STORED,
} from '../closing-loop/reconcile-with';
import { ApplicationError } from '../errors/application-error';
import { requireAdministrator } from '../organisations/administering';
import { requireActiveOrganisation } from '../organisations/require-active-organisation';
import { ReconcileStoredReportUseCase } from '../reconcile-stored-report/reconcile-stored-report.usecase';
import { applyCorrections, type ImportCorrections } from './apply-corrections';
import { planImportItems } from './plan-import-items';
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
  /** The person importing, who must be an administrator; absent: the operator (command line). */
  importedByUserId?: string;
}

export interface ImportReportResult {
  created: boolean;
  reportId: string;
  year: number | null;
  itemIds: string[];
  /** The items as saved, corrected titles included, in problem order (what to show). */
  items: ImportedItemRef[];
  warnings: string[];
  extraction: ExtractionResult;
  /** The report's problems that repeat an organisation's earlier problems (反复出现). */
  recurring: RecurringProblem[];
  /** Its 上年度整改情况 checked against last year's items; null when the year is unknown. */
  reconciliation: ReconcileResult | null;
}

/** The repositories an import works through: it stores, finds the organisation, and reconciles. */
export type ImportReportPorts = ClosingLoopPorts & {
  reports: ReportsRepository;
  reportQueries: ReportQueriesRepository;
};

type StoredImport = Omit<ImportReportResult, 'reconciliation'> & {
  /** The new report's check, made while it was stored; absent for a file imported before. */
  reconciling?: Promise<ReconcileResult | null>;
};

const NO_MATCH: RecurrenceMatch = { recurring: [], links: [], warnings: [] };

/**
 * Imports a report (整改报告 or 问题清单): extracts it and, in one transaction, stores it with one
 * rectification item per problem (and the measures the text links to it). The same file
 * imported again for the same organisation creates nothing and says so. Reading the file and
 * comparing its problems with other years' run in worker threads (report-work-pool.ts), within
 * IMPORT_LIMITS. Errors: ADMIN_ONLY (the importer is not an administrator: IMPORT_REPORT, decided
 * before anything else), USER_NOT_FOUND (the importer's account is gone), INVALID_ARGUMENT
 * (unknown source, bad corrections), ORGANISATION_NOT_FOUND, the reader's REPORT_* refusals
 * (REPORT_TOO_LARGE with reason TOO_MANY_PROBLEMS over maxProblems problems …).
 */
export class ImportReportUseCase {
  constructor(private readonly ports: ImportReportPorts) {}

  async execute(command: ImportReportCommand): Promise<ImportReportResult> {
    const scope = await requireAdministrator(
      this.ports.viewers,
      command.importedByUserId ? { userId: command.importedByUserId } : 'operator',
      '导入报告',
    );
    if (command.source !== undefined && !(ITEM_SOURCES as readonly string[]).includes(command.source)) {
      throw new ApplicationError(
        'INVALID_ARGUMENT',
        `问题来源"${command.source}"无效：可选 ${ITEM_SOURCES.map((s) => `${s}（${ITEM_SOURCE_LABELS[s]}）`).join('、')}。`,
        { source: command.source },
      );
    }
    // The organisation is looked up while the file is read (the reader's refusals still come first).
    const finding = this.findOrganisation(command, scope);
    finding.catch(() => undefined);
    // Everything stored from a report (its text, titles, details, measures) reaches Word and
    // Excel files later: characters XML forbids are cleaned out before anything is parsed.
    const read = await readReportOffThread(command.bytes, command.fileName, { clean: true });
    const org = await finding;
    let extraction = read.extraction;
    if (command.corrections) extraction = applyCorrections(extraction, cleanTextDeep(command.corrections));
    const stored = await this.store(
      { ...command, fileName: cleanText(command.fileName) },
      org,
      read.text,
      extraction,
    );
    const { reconciling, ...result } = stored;
    return {
      ...result,
      reconciliation: await (reconciling ?? this.reconcileAfterImport(stored.reportId, stored.year)),
    };
  }

  /**
   * Stores the report unless it was imported already. Its problems are compared with other
   * years' before the transaction (the comparison may take seconds, and the embedded database
   * serves nobody else while a transaction is open), against item ids chosen beforehand.
   */
  private async store(
    command: ImportReportCommand,
    org: OrganisationRecord,
    text: string,
    extraction: ExtractionResult,
  ): Promise<StoredImport> {
    const sourceHash = createHash('sha256').update(command.bytes).digest('hex');
    const year = command.year ?? extraction.year;
    const itemIds = extraction.problems.map(() => randomUUID());
    // The same file for the same organisation is stored once: the store itself says so (its
    // unique key), so a new file, the usual case, is not looked up first. For a file imported
    // already the comparison is wasted, and a failure of it is not reported.
    let match: RecurrenceMatch;
    try {
      match =
        year === null
          ? NO_MATCH
          : await matchReportRecurrence(this.ports.trackedItems, {
              organisationId: org.id,
              year,
              problems: extraction.problems.map((p, i) => ({
                itemId: itemIds[i],
                seq: p.seq,
                title: p.title,
              })),
            });
    } catch (err) {
      const imported = await this.ports.reports.findImported(org.id, sourceHash);
      if (imported) return alreadyImported(imported);
      throw err;
    }
    // The check reads last year's items, which storing this year's cannot change: it runs while
    // the import is stored, with the links about to be stored (a file imported before is checked
    // as stored, below).
    const reconciling =
      year === null ? Promise.resolve(null) : this.reconcileImported(org, year, extraction, match);
    reconciling.catch(() => undefined);
    const items = planImportItems(extraction, itemIds, command.source);
    const outcome = await this.ports.reports.storeImport({
      organisationId: org.id,
      year,
      title: extraction.title,
      sourceFileName: command.fileName,
      sourceHash,
      text,
      extraction,
      importedBy: command.importedByUserId ?? null,
      items,
      actor: command.importedByUserId
        ? { userId: command.importedByUserId, role: 'admin' }
        : { userId: 'system', role: 'system' },
      remindedStatuses: REMINDED_STATUSES,
      recurrenceLinks: match.links,
      recurrenceMaxLinks: RECURRENCE_MAX_LINKS,
    });
    if (outcome.kind === 'already_imported') return alreadyImported(outcome.report);
    const warnings = [...extraction.warnings];
    if (year === null) warnings.push('报告年度未知：请用 --year 指定，以便按年度统计整改情况。');
    warnings.push(...match.warnings);
    for (const r of match.recurring) {
      const e = r.earlier[0];
      warnings.push(
        `第${r.seq}个问题${quoted(problemName(r.title))}与${e.year}年度的${quoted(problemName(e.title))}问题相似，已标记为反复出现：请上级党组织关注。`,
      );
    }
    return {
      reconciling,
      created: true,
      reportId: outcome.reportId,
      year,
      itemIds,
      items: items.map((i) => ({ id: i.id, seq: i.seq, title: i.title })),
      warnings,
      extraction,
      recurring: match.recurring,
    };
  }

  // In the importer's scope: an administrator's or the operator's, so the whole tree.
  private async findOrganisation(
    command: ImportReportCommand,
    scope: ReadScope,
  ): Promise<OrganisationRecord> {
    const org = command.organisationId
      ? await this.ports.organisations.findById(scope, command.organisationId)
      : await this.ports.organisations.findByName(scope, command.organisationName?.trim() ?? '');
    if (!org) {
      const named = command.organisationName ?? command.organisationId;
      throw new ApplicationError(
        'ORGANISATION_NOT_FOUND',
        `组织"${named}"不存在：请检查名称，或先用 "rectify orgs add" 添加该组织。`,
        { organisation: named },
      );
    }
    requireActiveOrganisation(org, '导入报告');
    return org;
  }

  /**
   * The new report's 上年度整改情况 and recurring problems against last year's items, as
   * ReconcileStoredReportUseCase would find them once stored (read as the operator, like the
   * import). A check that cannot be made is left out (null), as in reconcileAfterImport.
   */
  private async reconcileImported(
    organisation: OrganisationRecord,
    year: number,
    extraction: ExtractionResult,
    match: RecurrenceMatch,
  ): Promise<ReconcileResult | null> {
    try {
      return await reconcileWith(
        this.ports.trackedItems,
        { organisation, scope: 'operator' },
        requireYear(year, YEAR_HINT_FOR_STORED),
        extraction.lastYearRectification,
        match.recurring,
      );
    } catch {
      return null;
    }
  }

  /**
   * The report is stored by now, so a check that cannot be made (an unusable year, a failing
   * query) must not turn the import into an error: it is left out and can be asked for later.
   */
  private async reconcileAfterImport(reportId: string, year: number | null): Promise<ReconcileResult | null> {
    if (year === null) return null;
    try {
      return await new ReconcileStoredReportUseCase(this.ports).execute({ reportId });
    } catch {
      // Asked for again at GET /api/reports/{id}/reconciliation or with `rectify reconcile`.
      return null;
    }
  }
}

/** The answer to a file imported before for this organisation. */
function alreadyImported(report: ImportedReportRecord): StoredImport {
  return {
    created: false,
    reportId: report.reportId,
    year: report.year,
    itemIds: report.itemIds,
    items: report.items,
    warnings: [`该报告此前已导入（${report.importedAt.toISOString().slice(0, 10)}），未重复创建整改事项。`],
    extraction: report.extraction,
    recurring: [],
  };
}
