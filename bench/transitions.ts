import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AddOrganisationUseCase,
  AddUserUseCase,
  ImportReportUseCase,
  TransitionItemUseCase,
} from '../libs/application/src';
import { createRepositories, openDatabase, PgItemsRepository } from '../libs/persistence/src';
import { generateReport } from './report-corpus';
import { secondsSince } from './timing';

/**
 * Benchmarks item transitions against a real PostgreSQL server with 8 concurrent clients,
 * beside pgbench's built-in simple-update script (-N) with 8 clients on the same server in the
 * same run. Each transition is a full command: one transaction that loads the item and the
 * actor, asks the machine, saves with a version check and appends a history row.
 * Also measures report import throughput (extract + store) over generated reports.
 *
 * Usage: npm run bench:transitions   (BENCH_SECONDS, BENCH_IMPORTS, BENCH_BRANCHES override the defaults)
 * The last stdout line is the JSON result; progress goes to stderr.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPostgres } = require('../scripts/services.js') as {
  startPostgres(opts: {
    dataDir: string;
  }): Promise<{ url: string; port: number; bin: string; stop(): Promise<void> }>;
};

const CLIENTS = 8;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const IMPORTS = Number(process.env.BENCH_IMPORTS ?? 1000);
const BRANCHES = Number(process.env.BENCH_BRANCHES ?? 100);
const log = (msg: string) => process.stderr.write(`[bench:transitions] ${msg}\n`);

function pgbenchTps(bin: string, url: string): number {
  const run = (args: string[]) => {
    const r = spawnSync(join(bin, 'pgbench'), [...args, url], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pgbench ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  };
  run(['-i', '-s', '8', '-q']);
  const out = run(['-N', '-c', String(CLIENTS), '-j', '2', '-T', String(SECONDS)]);
  const tps = /tps = ([\d.]+)/.exec(out);
  if (!tps) throw new Error(`cannot read pgbench's tps from:\n${out}`);
  return Number(tps[1]);
}

// One lap walks an item round the review loop: four transitions, back where it started.
const LAP = [
  { event: 'SUBMIT_COMPLETION', payload: { evidence: '已建立制度并执行' }, as: 'secretary' },
  { event: 'RETURN_FOR_REWORK', payload: { reason: '佐证不足' }, as: 'supervisor' },
  { event: 'ADD_PROGRESS_NOTE', payload: { note: '补充材料中' }, as: 'secretary' },
  {
    event: 'SET_MEASURES',
    payload: { measures: [{ title: '完善制度', responsible: '张三', deadline: '2025-06-30' }] },
    as: 'secretary',
  },
] as const;

async function main() {
  const workDir = mkdtempSync(join(tmpdir(), 'rectify-bench-'));
  const pg = await startPostgres({ dataDir: join(workDir, 'postgres') });
  try {
    log(`pgbench -N, ${CLIENTS} clients, ${SECONDS} s`);
    const baseline = pgbenchTps(pg.bin, pg.url);

    const db = await openDatabase({ databaseUrl: pg.url });
    const transitionItem = new TransitionItemUseCase(new PgItemsRepository(db.dataSource));
    const importReport = new ImportReportUseCase(createRepositories(db.dataSource));
    const { organisations, users, viewers } = createRepositories(db.dataSource);
    const addOrganisation = new AddOrganisationUseCase(organisations, viewers);
    const addUser = new AddUserUseCase(users, organisations, viewers);
    const tag = randomUUID().slice(0, 8);
    const town = await addOrganisation.execute({ by: 'operator', name: `镇党委-${tag}` });
    const supervisor = await addUser.execute({
      by: 'operator',
      username: `sup-${tag}`,
      organisation: { name: town.name },
      positions: [{ kind: 'secretary' }],
    });
    // Reports spread over branches as in life: one a year each, about ten years per branch. Each
    // import compares its problems with its branch's earlier ones (recurring problems), so piling
    // every report onto one branch would measure an organisation that does not exist.
    const branches = await Promise.all(
      Array.from({ length: BRANCHES }, async (_, b) => {
        const branch = await addOrganisation.execute({
          by: 'operator',
          name: `村党支部${b}-${tag}`,
          parent: { name: town.name },
        });
        const secretary = await addUser.execute({
          by: 'operator',
          username: `sec${b}-${tag}`,
          organisation: { name: branch.name },
          positions: [{ kind: 'secretary' }],
        });
        return { name: branch.name, secretaryId: secretary.id };
      }),
    );

    log(`importing ${IMPORTS} generated reports into ${BRANCHES} branches`);
    const importStart = process.hrtime.bigint();
    let items: { itemId: string; secretaryId: string }[] = [];
    let importedBytes = 0;
    for (let i = 0; i < IMPORTS; i++) {
      const report = generateReport(i);
      const branch = branches[i % BRANCHES];
      importedBytes += report.bytes.length;
      const result = await importReport.execute({
        bytes: report.bytes,
        fileName: report.name,
        organisationName: branch.name,
      });
      items = items.concat(result.itemIds.map((itemId) => ({ itemId, secretaryId: branch.secretaryId })));
    }
    const importSeconds = secondsSince(importStart);

    // Every client owns its own items, so clients never conflict: this measures throughput.
    const perClient = Array.from({ length: CLIENTS }, (_, c) =>
      items.filter((_, i) => i % CLIENTS === c).slice(0, 50),
    );
    for (const own of perClient) {
      for (const { itemId, secretaryId } of own) {
        await transitionItem.execute({
          itemId,
          event: 'SET_MEASURES',
          payload: LAP[3].payload,
          actorUserId: secretaryId,
        });
      }
    }
    log(`transitions, ${CLIENTS} clients, ${SECONDS} s`);
    let transitions = 0;
    let conflicts = 0;
    const deadline = Date.now() + SECONDS * 1000;
    const start = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    await Promise.all(
      perClient.map(async (own) => {
        for (let lap = 0; Date.now() < deadline; lap++) {
          for (const { itemId, secretaryId } of own) {
            for (const step of LAP) {
              try {
                await transitionItem.execute({
                  itemId,
                  event: step.event,
                  payload: step.payload,
                  actorUserId: step.as === 'secretary' ? secretaryId : supervisor.id,
                });
                transitions++;
              } catch {
                conflicts++;
              }
            }
            if (Date.now() >= deadline) break;
          }
        }
      }),
    );
    const seconds = secondsSince(start);
    const cpu = process.cpuUsage(cpuBefore);
    await db.close();

    const value = transitions / seconds;
    console.log(
      JSON.stringify({
        bench: 'transitions',
        unit: 'transitions/s',
        value: Number(value.toFixed(1)),
        baseline: baseline,
        ratio: Number((value / baseline).toFixed(4)),
        baselineTool: `pgbench -N -c ${CLIENTS} -j 2 -T ${SECONDS} (scale 8)`,
        clients: CLIENTS,
        seconds: Number(seconds.toFixed(2)),
        transitions,
        errors: conflicts,
        // Share of one core this process used while transitioning: near 1 means Node is the bottleneck.
        nodeCpuShare: Number(((cpu.user + cpu.system) / 1e6 / seconds).toFixed(2)),
        importReports: IMPORTS,
        importBranches: BRANCHES,
        importReportsPerSecond: Number((IMPORTS / importSeconds).toFixed(1)),
        importMBPerSecond: Number((importedBytes / 1e6 / importSeconds).toFixed(2)),
        importedItems: items.length,
        node: process.version,
      }),
    );
  } finally {
    await pg.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
