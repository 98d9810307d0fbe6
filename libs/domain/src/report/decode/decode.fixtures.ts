import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReportReadError } from './report-read-error';

/** Helpers shared by the readers' specs (as the domain's other *.fixtures.ts). */

/** A committed report fixture from test/fixtures/reports/, by file name. */
export const reportFixture = (name: string): Buffer =>
  readFileSync(join(__dirname, '../../../../../test/fixtures/reports', name));

/** The ReportReadError `read` rejects with; fails the test when it resolves or throws anything else. */
export async function readErrorOf(read: () => Promise<unknown>): Promise<ReportReadError> {
  try {
    await read();
  } catch (err) {
    if (err instanceof ReportReadError) return err;
    throw err;
  }
  throw new Error('expected the reader to fail with a ReportReadError');
}
