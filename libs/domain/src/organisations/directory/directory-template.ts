/**
 * The template of a bulk import of the organisation tree and its people (批量导入组织和人员):
 * the first sheet of an .xlsx, header in row 1, one organisation a row and optionally a person
 * holding a position in it. An organisation may take several rows (one per person), a person
 * several rows (one per position).
 */
export const DIRECTORY_COLUMNS = [
  '组织名称',
  '上级组织',
  '组织类别',
  '姓名',
  '账号',
  '职务',
  '手机',
  '邮箱',
] as const;

/** One column of the template, by its Chinese header. */
export type DirectoryColumn = (typeof DIRECTORY_COLUMNS)[number];

/** The columns that describe a person: a row with any of them names a person holding a position. */
export const PERSON_COLUMNS: readonly DirectoryColumn[] = ['姓名', '账号', '职务', '手机', '邮箱'];

/** Largest file accepted, in bytes (5 MiB); a template of 5,000 rows is some 200 KB. */
export const MAX_DIRECTORY_BYTES = 5 * 1024 * 1024;

/** Most data rows (not counting the header and empty rows) in one file. */
export const MAX_DIRECTORY_ROWS = 5_000;

/** Longest organisation name accepted, in characters. */
export const MAX_ORGANISATION_NAME_LENGTH = 100;

/** Longest name (姓名), in characters, as for people added one by one. */
export const MAX_PERSON_NAME_LENGTH = 50;

/** The name of the template's second sheet, which lists the allowed values. */
export const DIRECTORY_HELP_SHEET = '填写说明';

/**
 * One data row of the file: `row` is Excel's own row number (the header is row 1), `cells` the
 * trimmed text of each column ('' when empty), cleaned of characters XML forbids.
 */
export interface DirectoryRow {
  row: number;
  cells: Record<DirectoryColumn, string>;
}

/** One problem of the file, by Excel's row number and the column's Chinese header. */
export interface DirectoryProblem {
  row: number;
  column: DirectoryColumn;
  message: string;
}

/** A row of empty cells, to build rows from (tests, the template's example). */
export function emptyDirectoryCells(): Record<DirectoryColumn, string> {
  return Object.fromEntries(DIRECTORY_COLUMNS.map((c) => [c, ''])) as Record<DirectoryColumn, string>;
}
