import { POSITION_KINDS, POSITION_PROFILES, positionKindOfLabel } from '../positions';
import {
  type DirectoryRow,
  MAX_ORGANISATION_NAME_LENGTH,
  MAX_PERSON_NAME_LENGTH,
  PERSON_COLUMNS,
} from './directory-template';
import { type FileOrganisation, KIND_LIST, kindOfLabel, type ReportProblem } from './directory-file';

const USERNAME = /^[\w.@-]{2,64}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A mainland mobile (optionally +86) or a landline with its area code, after spaces, - and brackets. */
const PHONE = /^(?:(?:\+?86)?1[3-9]\d{9}|0\d{9,11})$/;

const POSITION_LIST = POSITION_KINDS.map((k) => POSITION_PROFILES[k].label).join('、');

/**
 * The first stage of planDirectoryImport: each row alone. Reports a missing or too long
 * 组织名称, an unknown 组织类别, and on a row naming a person a missing 姓名/账号/职务, a too long
 * 姓名, a malformed 账号, 手机 or 邮箱, or an unknown 职务. Returns the file's organisations by
 * name (their rows gathered) and the rows whose person is complete and whose organisation is named.
 */
export function checkDirectoryRows(
  rows: readonly DirectoryRow[],
  problem: ReportProblem,
): { organisations: Map<string, FileOrganisation>; personRows: DirectoryRow[] } {
  const organisations = new Map<string, FileOrganisation>();
  const personRows: DirectoryRow[] = [];
  for (const r of rows) {
    const c = r.cells;
    const name = c['组织名称'];
    if (!name) problem(r.row, '组织名称', '缺少组织名称：每一行都要写明组织名称。');
    else if ([...name].length > MAX_ORGANISATION_NAME_LENGTH)
      problem(r.row, '组织名称', `组织名称过长：最多${MAX_ORGANISATION_NAME_LENGTH}个字。`);
    if (c['组织类别'] && !kindOfLabel(c['组织类别']))
      problem(r.row, '组织类别', `组织类别"${c['组织类别']}"无效：只能是 ${KIND_LIST}。`);
    if (name && [...name].length <= MAX_ORGANISATION_NAME_LENGTH) {
      const org = organisations.get(name) ?? { name, rows: [], parent: null, kind: null, existing: null };
      org.rows.push(r);
      organisations.set(name, org);
    }
    if (PERSON_COLUMNS.some((col) => c[col])) {
      let complete = true;
      for (const col of ['姓名', '账号', '职务'] as const) {
        if (!c[col]) {
          complete = false;
          problem(r.row, col, `缺少${col}：填写人员时，姓名、账号、职务都要填写。`);
        }
      }
      if (c['姓名'] && [...c['姓名']].length > MAX_PERSON_NAME_LENGTH) {
        complete = false;
        problem(r.row, '姓名', `姓名过长：最多${MAX_PERSON_NAME_LENGTH}个字。`);
      }
      if (c['账号'] && !USERNAME.test(c['账号'])) {
        complete = false;
        problem(r.row, '账号', `账号"${c['账号']}"格式不正确：须为2至64位字母、数字或 . _ @ - 符号。`);
      }
      if (c['职务'] && !positionKindOfLabel(c['职务'])) {
        complete = false;
        problem(r.row, '职务', `职务"${c['职务']}"无效：只能是 ${POSITION_LIST}。`);
      }
      if (c['手机'] && !PHONE.test(c['手机'].replace(/[\s\-()（）]/g, ''))) {
        complete = false;
        problem(
          r.row,
          '手机',
          `手机号码"${c['手机']}"格式不正确：应为11位手机号（如 13800138000），或带区号的固定电话。`,
        );
      }
      if (c['邮箱'] && (c['邮箱'].length > 254 || !EMAIL.test(c['邮箱']))) {
        complete = false;
        problem(r.row, '邮箱', `邮箱"${c['邮箱']}"格式不正确：例如 zhangsan@example.org。`);
      }
      if (complete && organisations.has(name)) personRows.push(r);
    }
  }

  return { organisations, personRows };
}
