import { ITEM_SOURCE_LABELS, RECTIFICATION_STATUS_LABELS, STATUS_PROFILES, stageOf } from '../lifecycle';
import { type WorkingDayCalendar } from '../calendar/working-day-calendar';
import { type ReminderThresholds } from '../reminders/reminder-plan';
import { chineseDate, clause, daysBetween, quoted } from './chinese-text';
import { compareItems, problemName } from './compose-last-year-section';
import { type ClosingDocument } from './document/closing-document';
import { ITEM_LIGHT_LABELS, type ItemLight, itemLight } from './item-light';
import { isOverdue } from './summarise-rectification';
import { type TrackedItem } from './tracked-item';

/** The columns supervision offices use in a rectification ledger (整改台账), in order. */
export const LEDGER_COLUMNS = [
  '序号',
  '问题描述',
  '问题来源',
  '整改措施',
  '责任领导',
  '责任单位',
  '责任人',
  '整改时限',
  '进度状态',
  '亮灯',
  '佐证材料',
  '完成情况',
  '备注',
] as const;

export interface LedgerRow {
  itemId: string;
  /** For colouring the 亮灯 cell. */
  light: ItemLight;
  /** One text a column, in LEDGER_COLUMNS order; multi-line cells use \n. */
  cells: string[];
}

export interface LedgerOptions {
  asOf: string;
  calendar: WorkingDayCalendar;
  thresholds?: ReminderThresholds;
}

/** The ledger's rows: the items in compareItems order, numbered from 1. */
export function ledgerRows(items: readonly TrackedItem[], options: LedgerOptions): LedgerRow[] {
  return [...items].sort(compareItems).map((item, i) => ledgerRow(item, i + 1, options));
}

/**
 * One item's row of the ledger, numbered `number` (序号): for a ledger written page by page, whose
 * items arrive already in compareItems order.
 */
export function ledgerRow(item: TrackedItem, number: number, options: LedgerOptions): LedgerRow {
  const light = itemLight(item, options.asOf, options.calendar, options.thresholds);
  return {
    itemId: item.id,
    light,
    cells: [
      String(number),
      item.detail.trim() === '' ? clause(item.title) : `${clause(item.title)}。${item.detail.trim()}`,
      ITEM_SOURCE_LABELS[item.source],
      measuresCell(item),
      item.responsibleLeader ?? '',
      item.organisationName,
      ownersCell(item),
      stageOf(item.status) === 'long_term' ? '长期坚持' : (item.deadline ?? '未定'),
      RECTIFICATION_STATUS_LABELS[item.status],
      ITEM_LIGHT_LABELS[light],
      item.evidence
        .map((e) => e.fileName ?? clause(e.text))
        .filter((s) => s !== '')
        .join('\n'),
      completionCell(item, options.asOf),
      remarksCell(item),
    ],
  };
}

function measuresCell(item: TrackedItem): string {
  return item.measures
    .map((m, i) => {
      const who = [m.responsible ? `责任人：${m.responsible}` : '', m.deadline ? `时限：${m.deadline}` : '']
        .filter((s) => s !== '')
        .join('，');
      return `${i + 1}. ${clause(m.title)}${who ? `（${who}）` : ''}`;
    })
    .join('\n');
}

function ownersCell(item: TrackedItem): string {
  if (item.ownerName) return item.ownerName;
  const named = [...new Set(item.measures.map((m) => m.responsible).filter((r): r is string => !!r))];
  return named.join('、');
}

function completionCell(item: TrackedItem, asOf: string): string {
  const progress = item.latestProgress
    ? `最新进展（${item.latestProgress.on}）：${clause(item.latestProgress.note)}`
    : '';
  switch (stageOf(item.status)) {
    case 'completed':
      return [
        item.completedOn ? `已于${chineseDate(item.completedOn)}审核销号` : '已整改完成',
        item.completionEvidence ? `整改成效：${clause(item.completionEvidence)}` : '',
      ]
        .filter((s) => s !== '')
        .join('\n');
    case 'long_term':
      return ['长期坚持整改，持续推进中', progress].filter((s) => s !== '').join('\n');
    case 'open': {
      const overdue =
        item.deadline && isOverdue(item, asOf) ? `已超期${daysBetween(item.deadline, asOf)}天` : '';
      return [STATUS_PROFILES[item.status].now?.ledger ?? '整改中', overdue, progress]
        .filter((s) => s !== '')
        .join('\n');
    }
  }
}

function remarksCell(item: TrackedItem): string {
  return item.recurrence
    .map(
      (r) =>
        `反复出现：与${r.year ?? '往'}年度${quoted(problemName(r.title))}问题相似（${RECTIFICATION_STATUS_LABELS[r.status]}）`,
    )
    .join('\n');
}

/** The ledger as a document: one table, for Markdown and plain text. */
export function ledgerDocument(title: string, rows: readonly LedgerRow[]): ClosingDocument {
  return { title, blocks: [{ kind: 'table', header: [...LEDGER_COLUMNS], rows: rows.map((r) => r.cells) }] };
}
