import { csvToTable } from './csv-to-table';
import { type DecodedReport } from './decode-report';
import { requireProblemTables } from './spreadsheet-table';
import { xlsxToTables } from './xlsx-to-tables';

/**
 * An .xlsx workbook as a report: every sheet a table, the titles above the problem tables as
 * its text. Throws ReportReadError NO_PROBLEM_TABLE when no sheet has a 问题清单 header, and
 * the errors of xlsxToTables.
 */
export async function readXlsxReport(bytes: Uint8Array): Promise<DecodedReport> {
  const { tables, warnings } = await xlsxToTables(bytes);
  const text = requireProblemTables(tables, '工作簿的各工作表');
  return { text, encoding: 'utf-8', format: 'xlsx', tables, warnings };
}

/** A CSV file as a report (one table), like readXlsxReport; the errors of csvToTable. */
export function readCsvReport(bytes: Uint8Array): DecodedReport {
  const { table, encoding } = csvToTable(bytes);
  const text = requireProblemTables([table], 'CSV 文件');
  return { text, encoding, format: 'csv', tables: [table], warnings: [] };
}
