import { PassThrough } from 'node:stream';
import { LEDGER_COLUMNS, type LedgerRow } from '@rectify/domain';
import ExcelJS from 'exceljs';
import { writeLedgerXlsx } from './write-ledger-xlsx';

const row = (n: number): LedgerRow => ({
  itemId: `i${n}`,
  light: n % 2 === 0 ? 'red' : 'not_lit',
  cells: LEDGER_COLUMNS.map((_, c) => (c === 0 ? String(n) : `第${n}行第${c + 1}列`)),
});

/** Everything written to a stream, and whether it ended or failed. */
function sink() {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const settled = new Promise<'ended' | 'failed'>((resolve) =>
    out.on('end', () => resolve('ended')).on('error', () => resolve('failed')),
  );
  return { out, bytes: () => Buffer.concat(chunks), settled };
}

describe('writeLedgerXlsx', () => {
  it('streams page after page into one sheet that exceljs reads back row by row', async () => {
    const { out, bytes, settled } = sink();
    async function* pages() {
      yield [row(1), row(2)];
      yield [];
      yield [row(3)];
    }
    expect(
      await writeLedgerXlsx(out, { title: '台账', generatedAt: '2025-06-01 09:30', pages: pages() }),
    ).toBe(3);
    expect(await settled).toBe('ended');
    const sheet = (await new ExcelJS.Workbook().xlsx.load(bytes() as unknown as ExcelJS.Buffer))
      .worksheets[0];
    for (const n of [1, 2, 3])
      expect(LEDGER_COLUMNS.map((_, c) => sheet.getRow(2 + n).getCell(c + 1).value)).toEqual(row(n).cells);
    expect(sheet.autoFilter).toBe('A2:M5');
    expect(sheet.getCell('A7').value).toBe('生成时间：2025-06-01 09:30');
  });

  it('rejects when a page cannot be read, and the file is never completed', async () => {
    const { out, bytes } = sink();
    async function* pages(): AsyncGenerator<LedgerRow[]> {
      yield [row(1)];
      throw new Error('数据库连接中断');
    }
    await expect(writeLedgerXlsx(out, { title: '台账', generatedAt: 'now', pages: pages() })).rejects.toThrow(
      '数据库连接中断',
    );
    await expect(
      new ExcelJS.Workbook().xlsx.load(bytes() as unknown as ExcelJS.Buffer),
    ).rejects.toBeDefined();
  });

  it('stops reading pages once the stream is closed (the client went away)', async () => {
    const { out } = sink();
    let read = 0;
    async function* pages(): AsyncGenerator<LedgerRow[]> {
      for (;;) {
        read++;
        if (read === 2) out.destroy();
        yield [row(read)];
      }
    }
    await expect(
      writeLedgerXlsx(out, { title: '台账', generatedAt: 'now', pages: pages() }),
    ).rejects.toThrow();
    expect(read).toBe(2);
  });
});
