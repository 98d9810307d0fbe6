import { findProblemTableHeader } from '../../table/problem-table-header';
import { type Block, type CellBlock, type TableBlock } from './blocks';
import { MAX_TABLE_COLUMNS } from './body-reader';

/** A table cell placed on the grid: where its text starts, what it spans, what it continues. */
type GridSlot =
  | { kind: 'cell'; cell: CellBlock }
  /** A column covered by the cell to its left (`w:gridSpan`), or left empty (`w:gridBefore/After`). */
  | { kind: 'empty' }
  /** The lower part of a vertically merged cell (`w:vMerge` continue). */
  | { kind: 'merged' };

/** Each row's cells placed on the table grid, so that column j is the same column in every row. */
function layout(table: TableBlock): GridSlot[][] {
  const grid = table.rows.map((row) => {
    const slots: GridSlot[] = [];
    for (let i = 0; i < row.before; i++) slots.push({ kind: 'empty' });
    for (const cell of row.cells) {
      slots.push(cell.vMerge === 'continue' ? { kind: 'merged' } : { kind: 'cell', cell });
      for (let i = 1; i < cell.span; i++) slots.push({ kind: 'empty' });
    }
    for (let i = 0; i < row.after; i++) slots.push({ kind: 'empty' });
    return slots;
  });
  // Short rows are padded to the widest, but never past Word's column limit: a hostile file
  // with one very wide row must not make every other row as wide.
  const width = Math.min(
    grid.reduce((widest, r) => Math.max(widest, r.length), 0),
    MAX_TABLE_COLUMNS,
  );
  for (const slots of grid) while (slots.length < width) slots.push({ kind: 'empty' });
  return grid;
}

/** The lines of some blocks, nested tables flattened: each of their cells' lines on its own line. */
function blockLines(blocks: readonly Block[], out: string[] = []): string[] {
  for (const block of blocks) {
    if (block.kind === 'line') out.push(block.text);
    else
      for (const row of layout(block.table))
        for (const slot of row) if (slot.kind === 'cell') blockLines(slot.cell.blocks, out);
  }
  return out;
}

/**
 * The table as rows of cell texts, columns aligned on the table grid (a cell's paragraphs
 * joined by "\n", nested tables flattened into their cell):
 * - a cell spanning several columns (`w:gridSpan`) holds its text in its first column and ''
 *   in the others, so no text is counted twice when a row is read as one record;
 * - the lower parts of a vertically merged cell (`w:vMerge`) repeat the text of the part above:
 *   in a 问题清单 a 责任领导 or 整改时限 merged over several problems belongs to each of them,
 *   and each row then reads on its own; consecutive rows with the same problem text are one
 *   problem with several measures.
 */
export function tableRows(table: TableBlock): string[][] {
  const rows: string[][] = [];
  for (const slots of layout(table)) {
    const above = rows[rows.length - 1];
    rows.push(
      slots.map((slot, column) => {
        if (slot.kind === 'cell') return blockLines(slot.cell.blocks).join('\n');
        if (slot.kind === 'merged') return above?.[column] ?? '';
        return '';
      }),
    );
  }
  return rows;
}

/** Where the blocks of a document go: running text, and 问题清单 tables read as tables. */
export interface WrittenBlocks {
  lines: string[];
  tables: string[][][];
}

/**
 * Writes blocks out in document order. A table whose rows have a 问题清单 / 整改台账 header
 * (`findProblemTableHeader`) goes to `tables` when `separateProblemTables` is set; any other
 * table (a layout table, a whole report inside a one-cell table, a statistics table) is written
 * into `lines`, row by row and cell by cell, each cell's paragraphs as their own lines; the
 * lower parts of merged cells are not repeated there. Tables nested in such a table are
 * judged the same way.
 */
export function writeBlocks(
  blocks: readonly Block[],
  separateProblemTables: boolean,
  out: WrittenBlocks = { lines: [], tables: [] },
): WrittenBlocks {
  for (const block of blocks) {
    if (block.kind === 'line') {
      out.lines.push(block.text);
      continue;
    }
    if (separateProblemTables) {
      const rows = tableRows(block.table);
      if (findProblemTableHeader(rows) !== null) {
        out.tables.push(rows);
        continue;
      }
    }
    for (const row of layout(block.table)) {
      for (const slot of row)
        if (slot.kind === 'cell') writeBlocks(slot.cell.blocks, separateProblemTables, out);
    }
  }
  return out;
}
