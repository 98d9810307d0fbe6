import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeReport } from './decode-report';
import { isXlsWorkbook } from './xls-workbook';

const FIXTURES = resolve(__dirname, '../../../../../test/fixtures/reports');
const read = (name: string) => new Uint8Array(readFileSync(resolve(FIXTURES, name)));

describe('.xls workbooks', () => {
  it('recognises an Excel 97 workbook by its Workbook stream, and a Word 97 file as no workbook', () => {
    expect(isXlsWorkbook(read('problem-list.xls'))).toBe(true);
    expect(isXlsWorkbook(read('liuan-2023.doc'))).toBe(false);
    expect(isXlsWorkbook(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe(false);
  });

  it('refuses a .xls workbook and says to save it as .xlsx', async () => {
    await expect(decodeReport(read('problem-list.xls'), '问题清单.xls')).rejects.toMatchObject({
      code: 'UNSUPPORTED_FILE_TYPE',
      message: expect.stringContaining('另存为" Excel 工作簿（.xlsx）'),
    });
  });

  it('reads the same list saved by LibreOffice as .xlsx', async () => {
    const decoded = await decodeReport(read('problem-list-libreoffice.xlsx'), 'x.xlsx');
    expect(decoded.format).toBe('xlsx');
    expect(decoded.text).toBe('柳岸社区第二党支部2024年度问题整改清单');
    expect(decoded.tables[0].sheet).toBe('问题清单');
    expect(decoded.tables[0].rows[1]).toEqual([
      '序号',
      '问题来源',
      '存在问题',
      '整改措施',
      '责任领导',
      '责任人',
      '整改\n时限',
      '整改进展',
    ]);
    expect(decoded.tables[0].rows[2][6]).toBe('2024-06-30');
  });
});
