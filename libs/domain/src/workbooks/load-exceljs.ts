import type ExcelJS from 'exceljs';

/**
 * The exceljs module, loaded the first time a workbook is read or written rather than when the
 * modules that use it are: loading it takes about 0.35 s, which every process paid at start
 * (each CLI command, the worker, which never opens a workbook). Node caches the module, so later
 * calls cost a lookup. Throws what require throws when the package is missing.
 */
export function loadExcelJs(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on first use, see above
  return require('exceljs') as typeof ExcelJS;
}
