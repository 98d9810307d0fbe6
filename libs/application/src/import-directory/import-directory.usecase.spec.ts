import bcrypt from 'bcryptjs';
import ExcelJS from 'exceljs';
import { adminWorld } from '../testing/admin-fixtures';
import { InMemoryDirectoryImportRepository } from '../testing/in-memory-directory-import.repository';
import { ImportDirectoryUseCase } from './import-directory.usecase';

const HEADER = ['组织名称', '上级组织', '组织类别', '姓名', '账号', '职务', '手机', '邮箱'];

async function workbook(rows: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('组织和人员');
  sheet.addRow(HEADER);
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function world() {
  const w = await adminWorld();
  const directory = new InMemoryDirectoryImportRepository([
    {
      id: w.town.id,
      name: w.town.name,
      kind: 'committee',
      parentName: null,
      path: w.town.path,
      disabled: false,
    },
  ]);
  return { ...w, directory, importDirectory: new ImportDirectoryUseCase(directory, w.viewers) };
}

const ROWS = [
  ['丙村党支部', '镇党委', '党支部', '张三', 'zhangsan', '书记', '13800138000', ''],
  ['丙村党支部', '', '', '李四', 'lisi', '组织委员', '', 'lisi@example.org'],
];

describe('importing the organisation tree and its people', () => {
  it('checks without writing on a dry run, then writes and shows each one-time password once', async () => {
    const { directory, importDirectory, admin } = await world();
    const bytes = await workbook(ROWS);
    const preview = await importDirectory.execute({ by: { userId: admin.userId }, bytes, dryRun: true });
    expect(preview).toEqual({
      dryRun: true,
      organisations: 1,
      people: 2,
      positions: 2,
      summary: '预计新增组织1个、人员2人、职务2个',
      notices: [],
      accounts: [],
    });
    expect(directory.people.size).toBe(0);

    const result = await importDirectory.execute({ by: { userId: admin.userId }, bytes, dryRun: false });
    expect(result.summary).toBe('新增组织1个、人员2人、职务2个');
    expect(result.accounts.map((a) => [a.username, a.organisationName])).toEqual([
      ['zhangsan', '丙村党支部'],
      ['lisi', '丙村党支部'],
    ]);
    for (const a of result.accounts) {
      expect(a.oneTimePassword).toMatch(/^\w{4}-\w{4}-\w{4}$/);
      expect(await bcrypt.compare(a.oneTimePassword, directory.hashes.get(a.username)!)).toBe(true);
    }
    const again = await importDirectory.execute({ by: 'operator', bytes, dryRun: false });
    expect(again).toMatchObject({ summary: '新增组织0个、人员0人、职务0个', accounts: [] });
  });

  it('refuses a file with problems as a whole, listing them by row and column', async () => {
    const { directory, importDirectory } = await world();
    const bytes = await workbook([ROWS[0], ['丁村党支部', '镇党委', '党小组', '', '', '', '', '']]);
    await expect(importDirectory.execute({ by: 'operator', bytes, dryRun: false })).rejects.toMatchObject({
      code: 'DIRECTORY_INVALID',
      details: { problems: [{ row: 3, column: '组织类别', message: expect.stringContaining('党小组') }] },
    });
    expect(directory.organisations.size).toBe(1);
  });

  it('lets only administrators import, before reading the file', async () => {
    const { importDirectory, secretary } = await world();
    await expect(
      importDirectory.execute({
        by: { userId: secretary.userId },
        bytes: new Uint8Array([1, 2]),
        dryRun: false,
      }),
    ).rejects.toMatchObject({ code: 'ADMIN_ONLY' });
  });

  it('says what is wrong with a file that is not the template', async () => {
    const { importDirectory } = await world();
    await expect(
      importDirectory.execute({ by: 'operator', bytes: new TextEncoder().encode('组织名称'), dryRun: true }),
    ).rejects.toMatchObject({ code: 'DIRECTORY_FILE_UNREADABLE' });
    await expect(
      importDirectory.execute({ by: 'operator', bytes: await workbook([]), dryRun: true }),
    ).rejects.toMatchObject({
      code: 'DIRECTORY_FILE_UNREADABLE',
      message: expect.stringContaining('没有数据行'),
    });
  });
});
