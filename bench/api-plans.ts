import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countSummary } from '../libs/application/src/summarise-organisation/count-summary';
import { ChineseWorkingDayCalendar } from '../libs/domain/src';
import { createRepositories, openDatabase } from '../libs/persistence/src';

/**
 * The plans behind `bench:api`'s requests, on the data a kept run left (BENCH_KEEP=1):
 * restarts its PostgreSQL with auto_explain (ANALYZE, BUFFERS, every statement), runs the
 * product's own repository calls (item detail, items page of a 县, the items of a 县's year as
 * the ledger loads them, the summary of a 市's year as countSummary counts it) once to warm the
 * cache, then again,
 * and prints the plans of the second pass, trimmed to PLAN_LINES lines. Usage:
 *   npx tsx bench/api-plans.ts /tmp/rectify-bench-api-XXXX
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPostgres } = require('../scripts/services.js') as {
  startPostgres(opts: {
    dataDir: string;
    settings?: Record<string, string>;
  }): Promise<{ url: string; stop(): Promise<void> }>;
};

const PLAN_LINES = Number(process.env.PLAN_LINES ?? 40);
const YEAR = Number(process.env.BENCH_YEAR ?? 2024);

async function main() {
  const workDir = process.argv[2];
  if (!workDir) throw new Error('usage: npx tsx bench/api-plans.ts <the kept bench:api folder>');
  const dataDir = join(workDir, 'postgres');
  const pg = await startPostgres({
    dataDir,
    settings: {
      shared_buffers: '512MB',
      shared_preload_libraries: 'auto_explain',
      'auto_explain.log_min_duration': '0',
      'auto_explain.log_analyze': 'on',
      'auto_explain.log_buffers': 'on',
    },
  });
  const db = await openDatabase({ databaseUrl: pg.url });
  try {
    const one = async <T>(sql: string, params: unknown[] = []) =>
      ((await db.dataSource.query(sql, params)) as T[])[0];
    const org = (name: string) =>
      one<{ id: string; name: string; path: string }>(
        `SELECT id, name, path FROM organisation WHERE name = $1`,
        [name],
      );
    const city = await org('基准第1市委');
    const county = await org('基准第1县委');
    const { viewers, itemQueries, trackedItems } = createRepositories(db.dataSource);
    const viewerOf = async (username: string) => {
      const { id } = await one<{ id: string }>(`SELECT id FROM app_user WHERE username = $1`, [username]);
      const viewer = await viewers.findViewer(id);
      if (!viewer) throw new Error(`no viewer ${username}`);
      return viewer;
    };
    // A 村 of the 县: its page without a status is walked, falls short and sorts its few items.
    const village = await one<{ id: string }>(
      `SELECT id FROM organisation WHERE kind = 'branch' AND path LIKE $1 ORDER BY path LIMIT 1`,
      [`${county.path}%`],
    );
    const cityViewer = await viewerOf('bench.city');
    const provinceViewer = await viewerOf('bench.province');
    const { id: itemId } = await one<{ id: string }>(
      `SELECT id FROM rectification_item WHERE status = 'completed' LIMIT 1`,
    );
    const calls = async () => {
      await itemQueries.findDetail(provinceViewer, itemId);
      await itemQueries.search(cityViewer, {
        organisationId: county.id,
        subtree: true,
        status: 'measures_set',
        page: 1,
        pageSize: 50,
        today: '2026-11-30',
      });
      for (const organisationId of [county.id, village.id])
        await itemQueries.search(cityViewer, { organisationId, page: 1, pageSize: 50, today: '2026-11-30' });
      await trackedItems.load(cityViewer, { organisation: county, subtree: true, problemYear: YEAR });
      await countSummary(trackedItems, cityViewer, {
        organisation: city,
        problemYear: YEAR,
        asOf: '2026-11-30',
        calendar: new ChineseWorkingDayCalendar(),
      });
    };
    await calls();
    const logFile = join(dataDir, 'server.log');
    const from = readFileSync(logFile, 'utf8').length;
    await calls();
    const text = readFileSync(logFile, 'utf8').slice(from);
    for (const entry of text.split(/\n(?=\S+ \S+ UTC \[\d+\] LOG: {2}duration:)/)) {
      if (!entry.includes('duration:')) continue;
      const lines = entry
        .split('\n')
        .map((l) => l.replace(/^\t/, ''))
        // Long id lists (ANY('{…}')) shortened: the shape of the plan is the point.
        .map((l) => l.replace(/'\{([0-9a-f-]{36}),[^}]{200,}\}'/g, "'{$1,…}'"));
      process.stdout.write(`${lines.slice(0, PLAN_LINES).join('\n')}\n\n`);
    }
  } finally {
    await db.close();
    await pg.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
