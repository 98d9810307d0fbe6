import ExcelJS from 'exceljs';

/** The template's header, as the import expects it. */
export const DIRECTORY_HEADER = ['组织名称', '上级组织', '组织类别', '姓名', '账号', '职务', '手机', '邮箱'];

/** An .xlsx of the directory template: the header, then `rows` (8 cells each, '' for empty). */
export async function directoryWorkbook(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('组织和人员');
  sheet.addRow(DIRECTORY_HEADER);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What largeDirectory generates, for the checks. */
export interface LargeDirectory {
  rows: string[][];
  organisations: number;
  people: number;
  positions: number;
  /** Names of the organisations, the 镇 first. */
  organisationNames: string[];
  usernames: string[];
}

const SECOND_POSITIONS = ['副书记', '组织委员', '纪检委员', '党务工作者'];

/**
 * A 镇 of 50 organisations (1 党委, 7 党总支, 42 党支部) below the existing `parent`, with 200
 * people: a 书记 in each, the rest spread over the other positions, 10 of the 党总支/党支部
 * secretaries also 组织委员 of the 镇 (a second row each), and one 管理员 of the 镇. Rows come
 * children first (the reverse of the tree), so the import must order them itself. `tag` keeps
 * names and usernames unique per test (ASCII: it starts the usernames); `orgPrefix`, the
 * organisation names (the tag unless given).
 */
export function largeDirectory(parent: string, tag: string, orgPrefix = tag): LargeDirectory {
  const town = `${orgPrefix}镇党委`;
  const orgs: { name: string; parent: string; kind: string }[] = [{ name: town, parent, kind: '党委' }];
  for (let g = 1; g <= 7; g++) {
    const general = `${orgPrefix}第${g}村党总支`;
    orgs.push({ name: general, parent: town, kind: '党总支' });
    for (let b = 1; b <= 6; b++)
      orgs.push({ name: `${orgPrefix}第${g}村第${b}党支部`, parent: general, kind: '党支部' });
  }
  const rows: string[][] = [];
  const usernames: string[] = [];
  for (let i = 0; i < 200; i++) {
    const org = orgs[i % orgs.length];
    const username = `${tag}.p${String(i).padStart(3, '0')}`;
    usernames.push(username);
    const position =
      i === 199 ? '管理员' : i < orgs.length ? '书记' : SECOND_POSITIONS[i % SECOND_POSITIONS.length];
    const phone = `139${String(10_000_000 + i).padStart(8, '0')}`;
    rows.push([
      org.name,
      org.parent,
      org.kind,
      `人员${i}`,
      username,
      position,
      phone,
      `${username}@example.org`,
    ]);
  }
  for (let i = 1; i <= 10; i++) {
    const r = rows[i];
    rows.push([town, '', '', r[3], r[4], '组织委员', '', '']);
  }
  return {
    rows: rows.reverse(),
    organisations: orgs.length,
    people: 200,
    positions: 210,
    organisationNames: orgs.map((o) => o.name),
    usernames,
  };
}
