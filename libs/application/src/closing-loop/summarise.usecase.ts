import {
  ChineseWorkingDayCalendar,
  type ClosingDocument,
  ledgerRows,
  type LedgerRow,
  type RectificationSummary,
  shanghaiDate,
  summariseRectification,
  summaryDocument,
  type WorkingDayCalendar,
} from '@rectify/domain';
import { type DataSource } from 'typeorm';
import {
  asOfDay,
  assertYear,
  type ClosingLoopTarget,
  type OrganisationRef,
  resolveTarget,
} from './closing-loop-target';
import { scopeCondition } from '../item-queries/viewer-scope';
import { loadTrackedItems } from './load-tracked-items';

export interface YearRequest extends OrganisationRef {
  /** The year of the reports whose problems are counted. */
  problemYear: number;
  /** Today (ISO date) unless given. */
  asOf?: string;
  calendar?: WorkingDayCalendar;
}

export interface SummaryResult {
  summary: RectificationSummary;
  document: ClosingDocument;
}

/** A supervisor's summary of one year's problems across an organisation and those below it. */
export async function summariseOrganisation(db: DataSource, request: YearRequest): Promise<SummaryResult> {
  const { items, target, asOf, calendar } = await loadYear(db, request);
  const summary = summariseRectification(items, {
    problemYear: request.problemYear,
    asOf,
    organisationName: target.organisation.name,
    organisations: await organisationsInScope(db, target),
    calendar,
  });
  return { summary, document: summaryDocument(summary) };
}

export interface LedgerResult {
  title: string;
  rows: LedgerRow[];
}

/** The rectification ledger (整改台账) of an organisation and those below it for one year. */
export async function buildLedger(db: DataSource, request: YearRequest): Promise<LedgerResult> {
  const { items, target, asOf, calendar } = await loadYear(db, request);
  return {
    title: `${target.organisation.name}${request.problemYear}年度查摆问题整改台账`,
    rows: ledgerRows(items, { asOf, calendar }),
  };
}

/** The organisation and those below it that the viewer may see. */
async function organisationsInScope(
  db: DataSource,
  target: ClosingLoopTarget,
): Promise<{ id: string; name: string }[]> {
  const params: unknown[] = [`${target.organisation.path}%`];
  let condition = 'TRUE';
  if (target.viewer) {
    const scoped = scopeCondition(target.viewer, 2);
    condition = scoped.sql;
    params.push(...scoped.params);
  }
  return db.query(`SELECT o.id, o.name FROM organisation o WHERE o.path LIKE $1 AND ${condition}`, params);
}

async function loadYear(db: DataSource, request: YearRequest) {
  assertYear(request.problemYear);
  const target = await resolveTarget(db, request);
  const items = await loadTrackedItems(db, {
    organisation: target.organisation,
    subtree: true,
    problemYear: request.problemYear,
    viewer: target.viewer,
  });
  return {
    items,
    target,
    asOf: asOfDay(request.asOf, () => shanghaiDate(new Date())),
    calendar: request.calendar ?? new ChineseWorkingDayCalendar(),
  };
}
