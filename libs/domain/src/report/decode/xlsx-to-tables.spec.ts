import { readErrorOf } from './decode.fixtures';
import ExcelJS from 'exceljs';
import { deflatedZeros, textEntry, writeZip } from '../../../../../test/support/zip-bombs';
import { decodeReport } from './decode-report';
import { XLSX_LIMITS, xlsxToTables } from './xlsx-to-tables';

const HEADER = ['序号', '存在问题', '整改措施', '责任人', '整改时限', '进度'];

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const readError = (bytes: Uint8Array) => readErrorOf(() => decodeReport(bytes, '问题清单.xlsx'));

describe('xlsxToTables', () => {
  it('reads each sheet as display text: dates, numbers, rich text, formulas and hyperlinks', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('台账');
      ws.addRow(HEADER);
      ws.addRow([
        1,
        { richText: [{ text: '理论学习', font: { bold: true } }, { text: '不深入' }] },
        { text: '见制度汇编', hyperlink: 'https://example.org/zd' },
        '张三',
        new Date(Date.UTC(2024, 5, 30)),
        { formula: 'IF(1>0,"已完成","未完成")', result: '已完成' },
      ]);
      ws.addRow([2, '制度执行不严', '加强检查', '李四', 45565.0, 0.5]);
      wb.addWorksheet('说明').addRow(['本表由党支部填写']);
    });
    const { tables, warnings } = await xlsxToTables(bytes);
    expect(warnings).toEqual([]);
    expect(tables).toEqual([
      {
        sheet: '台账',
        rows: [
          HEADER,
          ['1', '理论学习不深入', '见制度汇编', '张三', '2024-06-30', '已完成'],
          ['2', '制度执行不严', '加强检查', '李四', '45565', '0.5'],
        ],
      },
      { sheet: '说明', rows: [['本表由党支部填写']] },
    ]);
  });

  it('repeats a merged cell in every cell it covers and keeps empty rows so row numbers stay the sheet’s', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('清单');
      ws.getCell('A1').value = '青石村党支部问题整改清单';
      ws.mergeCells('A1:F1');
      ws.getRow(3).values = HEADER;
      ws.getRow(4).values = [1, '组织生活不规范', '落实三会一课', '王五', '2024年6月底', '推进中'];
      ws.getRow(5).values = [undefined, undefined, '规范会议记录'];
      ws.mergeCells('A4:A5');
      ws.mergeCells('B4:B5');
    });
    const { tables } = await xlsxToTables(bytes);
    expect(tables[0].rows[0]).toEqual(Array(6).fill('青石村党支部问题整改清单'));
    expect(tables[0].rows[1]).toEqual([]);
    expect(tables[0].rows[4]).toEqual(['1', '组织生活不规范', '规范会议记录']);
  });

  it('turns a workbook into a report whose text is the title above the header', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('清单');
      ws.addRow(['2024年度问题整改清单']);
      ws.addRow(HEADER);
      ws.addRow([1, '学习不深入', '制定计划', '张三', '2024年底', '']);
    });
    const decoded = await decodeReport(bytes, 'x.bin');
    expect(decoded).toMatchObject({
      format: 'xlsx',
      text: '2024年度问题整改清单',
      encoding: 'utf-8',
      warnings: [],
    });
    expect(decoded.tables).toHaveLength(1);
  });

  it('refuses a workbook without a problem-list header and names the columns it expects', async () => {
    const bytes = await workbook((wb) => wb.addWorksheet('通讯录').addRow(['姓名', '职务', '电话']));
    const err = await readError(bytes);
    expect(err.code).toBe('NO_PROBLEM_TABLE');
    expect(err.message).toMatch(/^未找到问题清单表头：/);
    expect(err.message).toContain('"存在问题"');
    expect(err.message).toContain('"整改时限"');
  });

  it('refuses a workbook that unpacks past its limits before exceljs reads it, speaking of Excel', async () => {
    const zeros = deflatedZeros(XLSX_LIMITS.maxDeclaredBytes / 1024 / 1024 + 1);
    const bomb = writeZip([
      textEntry('xl/workbook.xml', '<workbook/>'),
      {
        name: 'xl/media/zeros.bin',
        data: zeros.data,
        method: 8,
        crc: zeros.crc,
        uncompressedSize: zeros.size,
      },
    ]);
    const err = await readError(bomb);
    expect(err.code).toBe('SPREADSHEET_LIMIT_EXCEEDED');
    expect(err.message).toMatch(/^Excel 工作簿超出读取限制：解压后超过 64 MB。/);
  });

  it('refuses a sheet with more XML elements than the budget', async () => {
    const count = XLSX_LIMITS.maxXmlElements + 10;
    const cells = Array.from({ length: count }, (_, i) => `<c r="A${i.toString(36)}"/>`).join('');
    const bytes = writeZip([
      textEntry('xl/workbook.xml', '<workbook/>'),
      textEntry(
        'xl/worksheets/sheet1.xml',
        `<worksheet><sheetData><row>${cells}</row></sheetData></worksheet>`,
      ),
    ]);
    const err = await readError(bytes);
    expect(err.code).toBe('SPREADSHEET_LIMIT_EXCEEDED');
    expect(err.message).toContain('XML 元素');
  });

  it('says a damaged workbook cannot be read, in Chinese, without exceljs internals', async () => {
    const bytes = writeZip([textEntry('xl/workbook.xml', '<workbook><sheets><sheet')]);
    const err = await readError(bytes);
    expect(err.code).toBe('SPREADSHEET_UNREADABLE');
    expect(err.message).toBe(
      '文件无法作为 Excel 工作簿读取：文件可能已损坏或已加密。请用 Excel/WPS 打开后另存为 .xlsx 或 .csv 再上传。',
    );
  });

  it('still reads a zip with word/document.xml as a Word document', async () => {
    const bytes = writeZip([
      textEntry(
        'word/document.xml',
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>二、存在问题</w:t></w:r></w:p></w:body></w:document>',
      ),
    ]);
    expect((await decodeReport(bytes, 'a.docx')).format).toBe('docx');
  });
});
