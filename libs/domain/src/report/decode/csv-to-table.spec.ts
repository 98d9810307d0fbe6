import { readErrorOf } from './decode.fixtures';
import iconv from 'iconv-lite';
import { CSV_LIMITS, csvToTable } from './csv-to-table';
import { decodeReport } from './decode-report';

const CSV = [
  '青石村党支部问题整改清单,,,',
  '序号,存在问题,整改措施,整改时限',
  '1,"理论学习不深入，形式单一","1.制定计划；',
  '2.每月集中学习",2024年6月底',
  '2,"制度执行""不严""",加强检查,2024.9.30',
  '',
].join('\r\n');

const readError = (bytes: Uint8Array, name = '清单.csv') => readErrorOf(() => decodeReport(bytes, name));

describe('csvToTable', () => {
  it('reads a GB18030 CSV as Excel in China writes it, with quoted commas, quotes and line breaks', () => {
    const { table, encoding } = csvToTable(iconv.encode(CSV, 'gb18030'));
    expect(encoding).toBe('gb18030');
    expect(table).toEqual({
      sheet: null,
      rows: [
        ['青石村党支部问题整改清单'],
        ['序号', '存在问题', '整改措施', '整改时限'],
        ['1', '理论学习不深入，形式单一', '1.制定计划；\n2.每月集中学习', '2024年6月底'],
        ['2', '制度执行"不严"', '加强检查', '2024.9.30'],
      ],
    });
  });

  it('reads UTF-8 with a BOM and tab-separated "Unicode text" exports', () => {
    const utf8 = csvToTable(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('存在问题,责任人\n学习不够,张三\n')]),
    );
    expect(utf8.table.rows).toEqual([
      ['存在问题', '责任人'],
      ['学习不够', '张三'],
    ]);
    const tabs = csvToTable(
      iconv.encode('存在问题\t责任人\n学习不够, 深度不足\t张三\n', 'utf16-le', { addBOM: true }),
    );
    expect(tabs.encoding).toBe('utf-16le');
    expect(tabs.table.rows).toEqual([
      ['存在问题', '责任人'],
      ['学习不够, 深度不足', '张三'],
    ]);
  });

  it('is chosen by the .csv file name and becomes a report with its title as text', async () => {
    const decoded = await decodeReport(iconv.encode(CSV, 'gb18030'), '问题清单.CSV');
    expect(decoded).toMatchObject({ format: 'csv', encoding: 'gb18030', text: '青石村党支部问题整改清单' });
    expect(decoded.tables[0].rows).toHaveLength(4);
  });

  it('refuses a CSV without a problem-list header', async () => {
    const err = await readError(Buffer.from('姓名,电话\n张三,123\n'));
    expect(err.code).toBe('NO_PROBLEM_TABLE');
    expect(err.message).toContain('CSV 文件中没有一行');
  });

  it('refuses a record longer than the limit, as from a quote never closed', async () => {
    const open = `存在问题,整改措施\n"学习不够,${'很长的文字'.repeat(CSV_LIMITS.maxRecordChars / 5 + 10)}\n`;
    const err = await readError(Buffer.from(open));
    expect(err.code).toBe('SPREADSHEET_LIMIT_EXCEEDED');
    expect(err.message).toContain('可能缺少闭合的引号');
  });

  it('says a CSV whose quote is never closed cannot be read', async () => {
    const err = await readError(Buffer.from('存在问题,整改措施\n"学习不够,制定计划\n'));
    expect(err.code).toBe('SPREADSHEET_UNREADABLE');
    expect(err.message).toMatch(/^CSV 文件格式有误/);
  });

  it('leaves a .txt report that happens to contain commas to the report parser', async () => {
    expect(
      (await decodeReport(Buffer.from('二、存在问题\n一是学习不够，二是作风不实。'), 'a.txt')).format,
    ).toBe('text');
  });
});
