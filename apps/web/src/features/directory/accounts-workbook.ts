import { type ImportedAccountResponse } from '../../api/rectify-api';

/** The new accounts and their one-time passwords as tab-separated lines, with a header, for the clipboard. */
export function accountsText(accounts: readonly ImportedAccountResponse[]): string {
  return [
    ['账号', '姓名', '所属组织', '一次性密码'],
    ...accounts.map((a) => [a.username, a.displayName, a.organisationName, a.oneTimePassword]),
  ]
    .map((cells) => cells.join('\t'))
    .join('\n');
}

/**
 * Downloads the accounts and their one-time passwords as an .xlsx made in the browser (exceljs,
 * loaded only now): the passwords never travel to the server again.
 */
export async function downloadAccountsWorkbook(accounts: readonly ImportedAccountResponse[]): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('一次性密码');
  sheet.columns = [
    { header: '账号', key: 'username', width: 20 },
    { header: '姓名', key: 'displayName', width: 12 },
    { header: '所属组织', key: 'organisationName', width: 28 },
    { header: '一次性密码', key: 'oneTimePassword', width: 18 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const a of accounts) sheet.addRow(a);
  const bytes = await workbook.xlsx.writeBuffer();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(
    new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  link.download = '新账号一次性密码.xlsx';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
