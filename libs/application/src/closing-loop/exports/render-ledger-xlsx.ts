import { PassThrough } from 'node:stream';
import { type LedgerRow } from '@rectify/domain';
import { writeLedgerXlsx } from './write-ledger-xlsx';

/**
 * The ledger as an .xlsx in memory (the command line, tests): the workbook writeLedgerXlsx
 * streams, with its texts in a shared-strings table since the whole file is held anyway.
 */
export async function renderLedgerXlsx(input: {
  title: string;
  rows: readonly LedgerRow[];
  generatedAt: string;
}): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => out.on('end', resolve).on('error', reject));
  await writeLedgerXlsx(
    out,
    { title: input.title, generatedAt: input.generatedAt, pages: [input.rows] },
    {
      sharedStrings: true,
    },
  );
  await ended;
  return Buffer.concat(chunks);
}
