import { cleanText, type ItemLight } from '@rectify/domain';
import type ExcelJS from 'exceljs';

/** The fill (and font) of a 亮灯 cell by light, as the ledger and the item list export show it. */
export const LIGHT_STYLES: Partial<Record<ItemLight, { fill: string; font?: Partial<ExcelJS.Font> }>> = {
  red: { fill: 'FFFF0000', font: { bold: true, color: { argb: 'FFFFFFFF' } } },
  yellow: { fill: 'FFFFFF00' },
  green: { fill: 'FF00B050' },
};

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };

/** A thin black border on every side of a table cell. */
export const BORDERS: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** The grey fill of a header cell. */
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };

/** Excel asks to repair a workbook with a longer cell. */
const MAX_CELL_CHARS = 32767;

/**
 * A cell's text as Excel accepts it: at most MAX_CELL_CHARS, then passed through cleanText, since
 * exceljs strips C0 controls but writes U+FFFE and U+FFFF, which break sharedStrings.xml, and a
 * cut may split a surrogate pair.
 */
export function cellText(text: string): string {
  return cleanText(text.slice(0, MAX_CELL_CHARS));
}

/** Colours a 亮灯 cell by its light (no change for the unlit ones). */
export function styleLightCell(cell: ExcelJS.Cell, light: ItemLight): void {
  const style = LIGHT_STYLES[light];
  if (!style) return;
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.fill } };
  if (style.font) cell.font = style.font;
}
