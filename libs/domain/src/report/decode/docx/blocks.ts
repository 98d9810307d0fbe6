/**
 * What the body reader makes of a document before it is written out: paragraphs as lines and
 * tables as rows of cells, in document order. Numbering labels are already in the lines, so
 * the same blocks can be written out more than once (as text, as rows) without counting twice.
 */
export type Block = { kind: 'line'; text: string } | { kind: 'table'; table: TableBlock };

/** A `w:tbl` as written: rows of cells, each cell with its own blocks (nested tables included). */
export interface TableBlock {
  rows: RowBlock[];
}

export interface RowBlock {
  /** `w:gridBefore` / `w:gridAfter`: grid columns left empty before the first / after the last cell. */
  before: number;
  after: number;
  cells: CellBlock[];
}

export interface CellBlock {
  blocks: Block[];
  /** `w:gridSpan`: grid columns the cell covers (≥ 1). */
  span: number;
  /** `w:vMerge`: 'continue' cells are the lower parts of a vertically merged cell. */
  vMerge: 'restart' | 'continue' | null;
}

/** Why some content could not be read, in Chinese for the person who uploaded the file. */
export const WARNINGS = {
  graphic: '文档中有文本框或图形（图表、SmartArt 等）中的文字未能读取，请核对。',
  embeddedObject: '文档中有嵌入的对象（如 Excel 表格），其内容未能读取，请核对。',
  altChunk: '文档中有以"插入文件"方式嵌入的内容，未能读取，请核对。',
} as const;
