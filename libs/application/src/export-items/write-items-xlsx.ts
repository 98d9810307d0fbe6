import { type Writable } from 'node:stream';
import {
  ITEM_LIGHT_LABELS,
  ITEM_SOURCE_LABELS,
  type ItemSource,
  RECTIFICATION_STATUS_LABELS,
  loadExcelJs,
} from '@rectify/domain';
import { SHEET_CHECK_ROWS, sheetTaken, taken } from '../closing-loop/exports/sheet-backpressure';
import { BORDERS, cellText, HEADER_FILL, styleLightCell } from '../closing-loop/exports/xlsx-cells';
import { type ItemListEntry } from '../search-items/search-items.usecase';

/** The columns of the item list export, in order, with their widths (in characters). */
export const ITEM_EXPORT_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '党组织', width: 18 },
  { header: '年度', width: 8 },
  { header: '问题', width: 50 },
  { header: '问题来源', width: 12 },
  { header: '状态', width: 14 },
  { header: '整改时限', width: 12 },
  { header: '亮灯', width: 8 },
  { header: '剩余/超期', width: 16 },
  { header: '反复出现', width: 10 },
  { header: '备注', width: 30 },
] as const;

const SHEET_NAME = '整改事项';
const TITLE_ROW = 1;
const HEADER_ROW = 2;
const LIGHT_COLUMN = ITEM_EXPORT_COLUMNS.findIndex((c) => c.header === '亮灯') + 1;

/** The cells of one item, as the list shows it, all text. */
function cellsOf(item: ItemListEntry, n: number): string[] {
  const days =
    item.workdaysOverdue !== null
      ? `超期 ${item.workdaysOverdue} 个工作日`
      : item.workdaysLeft !== null
        ? `剩余 ${item.workdaysLeft} 个工作日`
        : '';
  const notes = [
    item.withdrawn ? '已撤销' : '',
    item.returned ? `被退回：${item.returned.reason}` : '',
  ].filter(Boolean);
  return [
    String(n),
    item.organisationName,
    item.reportYear === null ? '' : String(item.reportYear),
    item.title,
    ITEM_SOURCE_LABELS[item.source as ItemSource] ?? item.source,
    RECTIFICATION_STATUS_LABELS[item.status],
    item.deadline ?? '',
    ITEM_LIGHT_LABELS[item.light],
    days,
    item.recurring ? '是' : '否',
    notes.join('；'),
  ].map(cellText);
}

/**
 * Streams the item list to `out` as an .xlsx, one worksheet: a title, the header, one row an item
 * (its 亮灯 cell coloured as in the ledger), then when it was generated. Rows are committed as
 * they come (exceljs's streaming writer), and a page is read only when `out` has taken the one
 * before (sheetTaken, taken), so memory holds about one page however long the list. Every value
 * is text (cellText), nothing a formula. Resolves when the file is complete; rejects when a page
 * cannot be read or `out` fails or is closed early (the file is then incomplete).
 */
export async function writeItemsXlsx(
  out: Writable,
  input: { title: string; generatedAt: string; pages: AsyncIterable<ItemListEntry[]> },
): Promise<number> {
  const workbook = new (loadExcelJs().stream.xlsx.WorkbookWriter)({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'rectify';
  workbook.title = cellText(input.title);
  const sheet = workbook.addWorksheet(SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}` }],
  });
  sheet.columns = ITEM_EXPORT_COLUMNS.map((c) => ({ width: c.width }));

  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, ITEM_EXPORT_COLUMNS.length);
  const title = sheet.getRow(TITLE_ROW);
  title.getCell(1).value = cellText(input.title);
  title.getCell(1).font = { bold: true, size: 14 };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 28;
  title.commit();

  const header = sheet.getRow(HEADER_ROW);
  ITEM_EXPORT_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDERS;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  header.commit();

  let written = 0;
  for await (const page of input.pages) {
    for (const item of page) {
      written++;
      const row = sheet.getRow(HEADER_ROW + written);
      cellsOf(item, written).forEach((text, i) => {
        const cell = row.getCell(i + 1);
        cell.value = text;
        cell.border = BORDERS;
        cell.alignment = { vertical: 'top', wrapText: true };
      });
      styleLightCell(row.getCell(LIGHT_COLUMN), item.light);
      row.commit();
      if (written % SHEET_CHECK_ROWS === 0) await sheetTaken(sheet);
    }
    // The next page is read only once the file has taken this one: memory holds about one page.
    await sheetTaken(sheet);
    await taken(out);
  }
  sheet.getRow(HEADER_ROW + written + 2).getCell(1).value = cellText(`生成时间：${input.generatedAt}`);
  sheet.commit();
  await workbook.commit();
  return written;
}
