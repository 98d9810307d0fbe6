import { type DecodedTable } from '../decode/decode-report';
import { type ItemTracking } from '../extraction-result';
import { findProblemTableHeader, type ProblemColumn, type ProblemTableHeader } from './problem-table-header';
import { readDeadline } from './read-deadline';
import { readProgress } from './read-progress';
import { type CellItem, splitMeasureCell, splitProblemCell } from './split-cell';

/** Rows read per table or sheet; the rest are left out with a warning. */
export const MAX_TABLE_ROWS = 5_000;
/** Columns read per row; cells further right are left out with a warning. */
export const MAX_TABLE_COLUMNS = 50;

/** One problem of a 问题清单 / 整改台账 table, with its measures and what the row says about it. */
export interface TableProblem {
  title: string;
  detail: string;
  measures: CellItem[];
  tracking: ItemTracking;
  /** 0..1: 0.95 for a row with measures, owner or deadline; less for a bare problem or a short title. */
  confidence: number;
}

export interface ProblemTableReading {
  problems: TableProblem[];
  /** Rows left out or cells not understood, in Chinese, each naming its row (第N行：…). */
  warnings: string[];
}

interface Draft {
  problem: TableProblem;
  /** The problem cell as written, to recognise its copies in merged rows below. */
  problemCell: string;
  seqCell: string;
  measureTexts: Set<string>;
}

/**
 * Reads a table or sheet as a problem list: null when no header is recognised (see
 * findProblemTableHeader). Each data row with a problem becomes a TableProblem; a row without
 * 序号 and problem (or repeating the problem above: a merged cell) adds its measures, owners and
 * deadline to the problem above; a row whose cells all carry one text (一、思想建设方面 across
 * the table) is a group heading, kept in `extra['分组']` of the problems under it. Reads at most
 * MAX_TABLE_ROWS rows and MAX_TABLE_COLUMNS columns; everything left out is named in `warnings`.
 */
export function readProblemTable(table: DecodedTable): ProblemTableReading | null {
  const header = findProblemTableHeader(table.rows.slice(0, MAX_TABLE_ROWS));
  if (!header) return null;
  const where = table.sheet ? `工作表"${table.sheet}"` : '表格';
  const warnings: string[] = [];
  const drafts: Draft[] = [];
  let group: string | null = null;
  const end = Math.min(table.rows.length, MAX_TABLE_ROWS);
  for (let r = header.dataStart; r < end; r++) {
    const rowNo = r + 1;
    const cells = table.rows[r].slice(0, MAX_TABLE_COLUMNS).map((c) => (c ?? '').trim());
    if (cells.every((c) => !c)) continue;
    const warn = (text: string) => warnings.push(`${where}第${rowNo}行：${text}`);
    const heading = groupHeading(cells, header);
    if (heading !== null) {
      if (NOTE.test(heading)) warn(`说明文字"${clip(heading)}"不是问题，未导入。`);
      else group = heading;
      continue;
    }
    const cell = (kind: ProblemColumn) =>
      header.columns[kind] === undefined ? '' : (cells[header.columns[kind]] ?? '');
    const last = drafts[drafts.length - 1];
    const problemCell = cell('problem');
    const seqCell = cell('seq');
    const repeatsAbove = last && problemCell === last.problemCell && (!seqCell || seqCell === last.seqCell);
    if (!problemCell || repeatsAbove) {
      if (last && (!seqCell || seqCell === last.seqCell)) {
        attach(last, header, cells, cell, warn);
        continue;
      }
      warn(
        last
          ? `序号"${seqCell}"未填写问题，已跳过该行。`
          : '未填写问题，且上方没有可归属的问题，已跳过该行。',
      );
      continue;
    }
    const item = splitProblemCell(problemCell);
    if (!item) {
      warn('问题一栏没有文字，已跳过该行。');
      continue;
    }
    const draft: Draft = {
      problem: { ...item, measures: [], tracking: emptyTracking(rowNo, table.sheet), confidence: 0 },
      problemCell,
      seqCell,
      measureTexts: new Set(),
    };
    if (group) draft.problem.tracking.extra['分组'] = group;
    attach(draft, header, cells, cell, warn);
    drafts.push(draft);
  }
  if (table.rows.length > MAX_TABLE_ROWS) {
    warnings.push(
      `${where}超过 ${MAX_TABLE_ROWS} 行：只读取了前 ${MAX_TABLE_ROWS} 行，其余请拆分成多个表后再导入。`,
    );
  }
  if (table.rows.some((row) => row.length > MAX_TABLE_COLUMNS)) {
    warnings.push(`${where}超过 ${MAX_TABLE_COLUMNS} 列：第 ${MAX_TABLE_COLUMNS} 列以后的内容未读取。`);
  }
  return { problems: drafts.map((d) => ({ ...d.problem, confidence: confidenceOf(d.problem) })), warnings };
}

/** Adds a row's measures, owners, deadline, progress and other columns to a problem. */
function attach(
  draft: Draft,
  header: ProblemTableHeader,
  cells: string[],
  cell: (kind: ProblemColumn) => string,
  warn: (text: string) => void,
): void {
  const { problem, measureTexts } = draft;
  const t = problem.tracking;
  const measureCell = cell('measure');
  if (measureCell && !measureTexts.has(measureCell)) {
    measureTexts.add(measureCell);
    problem.measures.push(...splitMeasureCell(measureCell));
  }
  t.source = join(t.source, cell('source'), '；');
  t.responsibleLeader = join(t.responsibleLeader, cell('leader'), '、');
  t.responsibleUnit = join(t.responsibleUnit, cell('unit'), '、');
  t.owner = join(t.owner, cell('owner'), '、');
  const deadlineCell = cell('deadline');
  if (deadlineCell && deadlineCell !== t.deadlineText) {
    t.deadlineText = join(t.deadlineText, deadlineCell, '；');
    const reading = readDeadline(deadlineCell);
    if (reading.kind === 'unreadable')
      warn(`整改时限"${deadlineCell}"${reading.reason}，已保留原文，请导入后补填日期。`);
    // A problem is done when its last measure is: the latest day of its rows is its deadline.
    if (reading.kind === 'date' && (!t.deadline || reading.date > t.deadline)) t.deadline = reading.date;
  }
  const progressCell = cell('progress');
  if (progressCell && progressCell !== t.progressText) {
    t.progressText = join(t.progressText, progressCell, '；');
    t.progress = mergeProgress(t.progress, readProgress(progressCell), t.progressText !== progressCell);
  }
  for (const { index, header: label } of header.extra) {
    const value = cells[index];
    const name = label || `第${index + 1}列`;
    if (value) t.extra[name] = join(t.extra[name] ?? null, value, '；') as string;
  }
}

/** The status of a problem whose rows say different things: the least advanced one counts. */
function mergeProgress(
  current: ItemTracking['progress'],
  next: ItemTracking['progress'],
  merging: boolean,
): ItemTracking['progress'] {
  if (!merging) return next;
  const order = ['in_progress', 'long_term', 'completed'] as const;
  if (current === null || next === null) return current ?? next;
  if (current === 'unknown' || next === 'unknown') return 'unknown';
  return order[Math.min(order.indexOf(current), order.indexOf(next))];
}

const NOTE = /^(?:注|说明|备注|填表|制表|审核|填报|联系)/;

/**
 * The text of a row that only names a group (一、思想建设方面 merged across the table, or alone
 * in the first column), or null for an ordinary row.
 */
function groupHeading(cells: string[], header: ProblemTableHeader): string | null {
  const filled = cells.map((c, i) => ({ c, i })).filter(({ c }) => c);
  const distinct = new Set(filled.map(({ c }) => c));
  if (distinct.size !== 1) return null;
  const { c, i } = filled[0];
  if (filled.length > 1 && cells.length > 2) return c;
  const { seq, problem, measure } = header.columns;
  const leftmost = (i === 0 || i === seq) && i !== problem && i !== measure;
  return leftmost && c.length >= 2 && /[\u4e00-\u9fff]/.test(c) ? c : null;
}

function clip(text: string): string {
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}

function join(current: string | null, value: string, separator: string): string | null {
  if (!value) return current;
  if (!current) return value;
  return current.split(separator).includes(value) ? current : `${current}${separator}${value}`;
}

/** Tracking with every field empty, for the row `row` (1-based) of `sheet`. */
export function emptyTracking(row: number, sheet: string | null): ItemTracking {
  return {
    source: null,
    responsibleLeader: null,
    responsibleUnit: null,
    owner: null,
    deadline: null,
    deadlineText: null,
    progress: null,
    progressText: null,
    extra: {},
    row,
    sheet,
  };
}

function confidenceOf(problem: TableProblem): number {
  const t = problem.tracking;
  const supported = problem.measures.length > 0 || t.owner || t.responsibleUnit || t.deadlineText;
  const base = supported ? 0.95 : 0.85;
  return problem.title.length < 4 ? base - 0.15 : base;
}
