import { join } from 'node:path';
import { countSummary } from '../libs/application/src/summarise-organisation/count-summary';
import { ChineseWorkingDayCalendar } from '../libs/domain/src';
import { createRepositories, openDatabase } from '../libs/persistence/src';
import { pgSettings } from './support/pg-settings';

/**
 * Where a 市 summary's time goes, on the data a kept `bench:api` run left (BENCH_KEEP=1), without
 * HTTP or a plan logger: times RUNS (default 10) calls of `summaryFigures` (the one statement) and
 * of `countSummary` (the statement, the recurring items and assembling), as the 市 supervisor,
 * after one untimed call, and prints each call's milliseconds and their median as JSON. Usage:
 *   npx tsx bench/summary-timing.ts /tmp/rectify-bench-api-XXXX
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPostgres } = require('../scripts/services.js') as {
  startPostgres(opts: {
    dataDir: string;
    settings?: Record<string, string>;
  }): Promise<{ url: string; stop(): Promise<void> }>;
};

const RUNS = Number(process.env.RUNS ?? 10);
const YEAR = Number(process.env.BENCH_YEAR ?? 2024);
const AS_OF = '2026-11-30';

async function main() {
  const workDir = process.argv[2];
  if (!workDir) throw new Error('usage: npx tsx bench/summary-timing.ts <the kept bench:api folder>');
  const pg = await startPostgres({
    dataDir: join(workDir, 'postgres'),
    // BENCH_PG_SETTINGS="jit=off,work_mem=64MB" tries server settings on the same data.
    settings: { shared_buffers: '512MB', ...pgSettings(process.env.BENCH_PG_SETTINGS ?? '') },
  });
  const db = await openDatabase({ databaseUrl: pg.url });
  try {
    const one = async <T>(sql: string, params: unknown[] = []) =>
      ((await db.dataSource.query(sql, params)) as T[])[0];
    const city = await one<{ id: string; name: string; path: string }>(
      `SELECT id, name, path FROM organisation WHERE name = '基准第1市委'`,
    );
    const { viewers, trackedItems } = createRepositories(db.dataSource);
    const { id } = await one<{ id: string }>(`SELECT id FROM app_user WHERE username = 'bench.city'`);
    const viewer = await viewers.findViewer(id);
    if (!viewer) throw new Error('no viewer bench.city');
    const calendar = new ChineseWorkingDayCalendar();
    const timed = async (call: () => Promise<unknown>) => {
      await call();
      const ms: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = process.hrtime.bigint();
        await call();
        ms.push(Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10);
      }
      return { ms, median: [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)] };
    };
    const figures = await timed(() =>
      trackedItems.summaryFigures(viewer, {
        organisationPath: city.path,
        problemYear: YEAR,
        asOf: AS_OF,
        lastYellowDeadline: null,
        listLimit: 200,
      }),
    );
    const summary = await timed(() =>
      countSummary(trackedItems, viewer, { organisation: city, problemYear: YEAR, asOf: AS_OF, calendar }),
    );
    process.stdout.write(`${JSON.stringify({ summaryFigures: figures, countSummary: summary })}\n`);
  } finally {
    await db.close();
    await pg.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
