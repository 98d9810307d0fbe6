/**
 * Finds the header row of a 问题清单 / 整改台账 (problem list, rectification ledger) table: the
 * row naming its columns 序号 | 问题来源 | 存在问题 | 整改措施 | 责任领导 | 责任单位 | 责任人 |
 * 整改时限 | 进度 | 备注, wherever titles (XX党支部问题整改清单) sit above it.
 */

/**
 * The columns the reader knows:
 * - seq: 序号 / 编号
 * - source: 问题来源
 * - problem: 存在问题 / 问题描述 / 问题表现 / 具体问题
 * - measure: 整改措施 / 具体措施
 * - leader: 责任领导 / 分管领导
 * - unit: 责任单位 / 责任部门
 * - owner: 责任人 / 具体责任人
 * - deadline: 整改时限 / 完成时限 / 完成时间
 * - progress: 进度 / 完成情况 / 整改状态 / 整改进展
 */
export type ProblemColumn =
  'seq' | 'source' | 'problem' | 'measure' | 'leader' | 'unit' | 'owner' | 'deadline' | 'progress';

export interface ProblemTableHeader {
  /** 0-based index in `rows` of the (last) header row. */
  rowIndex: number;
  /** 0-based index of the first data row (after a second header row when there is one). */
  dataStart: number;
  /** Column index of each known column found (the leftmost when a header repeats). */
  columns: Partial<Record<ProblemColumn, number>>;
  /** Columns the reader does not know (备注, 问题类别 …), with their header text. */
  extra: { index: number; header: string }[];
  /** Header text of every column, whitespace removed ('' for an empty header cell). */
  labels: string[];
}

/** Rows searched for the header: titles, dates and units written above a table take a few. */
export const MAX_HEADER_SEARCH_ROWS = 12;
/** A header cell is a short name; longer text is data, however many column words it holds. */
const MAX_HEADER_CELL = 24;

// Order matters: the first rule that matches a header names the column (问题来源 is a source,
// not a problem; 整改措施落实情况 is progress, 整改措施及完成时限 a measure).
const RULES: [ProblemColumn | 'other', RegExp][] = [
  ['seq', /^(?:序号|编号|序|号|no\.?|#|问题编号|问题序号)$/i],
  ['source', /来源|出处|反馈渠道/],
  ['other', /类别|类型|分类|性质|领域|数量|个数|整改目标|原因/],
  ['leader', /领导/],
  ['unit', /(?:责任|牵头|承办|主责|整改|落实|配合)(?:单位|部门|科室|处室|主体|支部)|^(?:单位|部门)$/],
  ['owner', /责任人|负责人|经办人|承办人|整改人|联系人|^责任$/],
  ['progress', /进度|进展|(?:完成|整改|落实|办理|销号)情况|状态|是否(?:完成|整改|销号|办结)|整改结果/],
  ['measure', /措施|举措|办法|整改方案|整改思路|整改任务/],
  ['deadline', /时限|期限|(?:完成|整改|办结|截止|计划|销号)(?:时间|日期)|时间节点|^(?:时间|日期)$/],
  ['problem', /问题|不足|差距|短板|整改事项|整改内容|^事项$|^内容$|^表现$/],
];

/** A header cell's text without whitespace, newlines or a trailing colon/asterisk. */
export function headerLabel(cell: string): string {
  return cell.replace(/[\s\u3000\u00a0\ufeff]+/g, '').replace(/[:：*＊]+$/, '');
}

/** The column a header cell names, 'other' for a header the reader does not know, null for no header. */
export function classifyHeader(cell: string): ProblemColumn | 'other' | null {
  const label = headerLabel(cell);
  if (!label || label.length > MAX_HEADER_CELL) return null;
  for (const [kind, re] of RULES) if (re.test(label)) return kind;
  return 'other';
}

/**
 * The header of a problem table among the first {@link MAX_HEADER_SEARCH_ROWS} rows, or null.
 * A row is a header when it names a problem column and at least one other known column
 * (source, measure, leader, unit, owner, deadline or progress) in distinct cells; cells that
 * repeat their left neighbour (a merged cell read as copies) name nothing new. A second header
 * row under it (责任主体 over 责任领导 | 责任人) is merged into it.
 */
export function findProblemTableHeader(rows: string[][]): ProblemTableHeader | null {
  const limit = Math.min(rows.length, MAX_HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const header = readHeaderRow(rows[r], r);
    if (!header) continue;
    return mergeSubHeader(header, rows[r + 1]);
  }
  return null;
}

function readHeaderRow(cells: string[], rowIndex: number): ProblemTableHeader | null {
  const labels = cells.map(headerLabel);
  const columns: Partial<Record<ProblemColumn, number>> = {};
  const extra: { index: number; header: string }[] = [];
  cells.forEach((cell, index) => {
    if (index > 0 && labels[index] && labels[index] === labels[index - 1]) return;
    const kind = classifyHeader(cell);
    if (kind === null) return;
    if (kind !== 'other' && columns[kind] === undefined) columns[kind] = index;
    else extra.push({ index, header: labels[index] });
  });
  const others = (Object.keys(columns) as ProblemColumn[]).filter((k) => k !== 'problem' && k !== 'seq');
  if (columns.problem === undefined || others.length === 0) return null;
  return { rowIndex, dataStart: rowIndex + 1, columns, extra, labels };
}

/**
 * Two-row headers: a row right under the header that leaves the problem and 序号 cells empty (or
 * repeats them, merged vertically) and whose other cells all name columns under a top cell
 * merged across columns refines them (责任主体 over 责任领导 | 责任人). A data row always has
 * its problem.
 */
function mergeSubHeader(header: ProblemTableHeader, next: string[] | undefined): ProblemTableHeader {
  if (!next) return header;
  const fresh = (i: number) => {
    const label = headerLabel(next[i] ?? '');
    return label && label !== header.labels[i] ? label : null;
  };
  const { problem, seq } = header.columns;
  if (fresh(problem as number) || (seq !== undefined && fresh(seq))) return header;
  // A sub-header only splits a top cell merged across columns (or fills an empty one).
  const top = header.labels;
  const split = (i: number) => !top[i] || top[i] === top[i - 1] || top[i] === top[i + 1];
  const kinds = next.map((_, i) => (fresh(i) ? classifyHeader(next[i]) : null));
  if (kinds.some((k, i) => fresh(i) && (k === null || (fresh(i) as string).length > 12 || !split(i)))) {
    return header;
  }
  if (!kinds.some((k) => k !== null && k !== 'other')) return header;
  const labels = header.labels.map((l, i) => fresh(i) ?? l);
  const columns: Partial<Record<ProblemColumn, number>> = {};
  const extra: { index: number; header: string }[] = [];
  const kindOf = new Map<number, ProblemColumn | 'other'>();
  for (const [k, i] of Object.entries(header.columns)) kindOf.set(i, k as ProblemColumn);
  for (const e of header.extra) kindOf.set(e.index, 'other');
  kinds.forEach((k, i) => k && kindOf.set(i, k));
  for (const [index, kind] of [...kindOf.entries()].sort((a, b) => a[0] - b[0])) {
    if (kind !== 'other' && columns[kind] === undefined) columns[kind] = index;
    else extra.push({ index, header: labels[index] });
  }
  return { rowIndex: header.rowIndex + 1, dataStart: header.rowIndex + 2, columns, extra, labels };
}
