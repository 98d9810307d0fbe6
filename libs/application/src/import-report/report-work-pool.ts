import { extname, join, resolve } from 'node:path';
import { reconcileReport, type Reconciliation, type ReconcileInput, ReportReadError } from '@rectify/domain';
import { Piscina } from 'piscina';
import { ApplicationError } from '../errors/application-error';
import { readErrorToApplicationError } from '../errors/read-error-to-application-error';
import { IMPORT_LIMITS } from './import-limits';
import type { ReadOutcome, ReadTask } from './report-work.worker';
import { type ScoreOutcome, type ScoreTask, scorePairs, scoreRecurrence } from './score-recurrence';

type WorkKind = 'read' | 'score' | 'reconcile';

let pool: Piscina | null = null;
const inProgress: Record<WorkKind, number> = { read: 0, score: 0, reconcile: 0 };

/**
 * The worker threads of this process (piscina), made on first use. From the TypeScript sources
 * (tests, `npm run start:api`, the CLI through tsx) the worker loads its module through tsx,
 * which needs no decorator metadata and so transpiles quickly; from the build (dist/) it
 * inherits the process's `-r register-paths.js`. Idle threads end after idleTimeoutMs and never
 * keep the process alive.
 */
function workers(): Piscina {
  if (pool) return pool;
  const fromSources = extname(__filename) === '.ts';
  const created = new Piscina({
    filename: join(__dirname, `report-work.worker${extname(__filename)}`),
    // The export a new thread loads first: the module has named exports only, and piscina's
    // fallback for a missing one (an ESM import) cannot load a .ts file.
    name: 'readReport',
    minThreads: 0,
    maxThreads: IMPORT_LIMITS.threads,
    idleTimeout: IMPORT_LIMITS.idleTimeoutMs,
    resourceLimits: { maxOldGenerationSizeMb: IMPORT_LIMITS.maxHeapMb },
    ...(fromSources
      ? {
          execArgv: ['--require', require.resolve('tsx/cjs')],
          env: { ...process.env, TSX_TSCONFIG_PATH: resolve(__dirname, '../../../../tsconfig.json') },
        }
      : {}),
  });
  // A thread that fails outside a task (its module does not load) must not crash the process.
  created.on('error', (err: unknown) => {
    process.emitWarning(`a report worker thread failed: ${err instanceof Error ? err.message : String(err)}`);
    if (pool === created) pool = null;
    void created.destroy();
  });
  pool = created;
  return pool;
}

/** Tasks handed to the worker threads and not finished yet, by kind (for tests and health reports). */
export function reportWorkInProgress(): Readonly<Record<WorkKind, number>> {
  return { ...inProgress };
}

/**
 * Ends the worker threads (waiting for running tasks); the next task starts new ones. For a
 * server's shutdown, so no thread outlives the application.
 */
export async function closeReportWorkPool(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.close();
}

async function run<R>(kind: WorkKind, name: string, task: unknown): Promise<R> {
  inProgress[kind]++;
  try {
    return (await workers().run(task, {
      name,
      signal: AbortSignal.timeout(IMPORT_LIMITS.taskTimeoutMs),
    })) as R;
  } catch (err) {
    throw workLimitError(err) ?? err;
  } finally {
    inProgress[kind]--;
  }
}

/** A stopped or starved worker thread as the refusal it is (413), else null. */
function workLimitError(err: unknown): ApplicationError | null {
  const name = err instanceof Error ? err.name : '';
  const code = (err as { code?: unknown } | null)?.code;
  if (name !== 'AbortError' && name !== 'TimeoutError' && code !== 'ERR_WORKER_OUT_OF_MEMORY') return null;
  const why =
    code === 'ERR_WORKER_OUT_OF_MEMORY' ? '内存' : `时间（${IMPORT_LIMITS.taskTimeoutMs / 1000} 秒）`;
  return new ApplicationError(
    'REPORT_TOO_LARGE',
    `报告内容过多或结构过于复杂，无法在限定${why}内处理完毕：请将报告拆分为几个文件分别上传；如服务器正忙，请稍后重试。`,
    { reason: 'WORK_LIMIT_EXCEEDED' },
  );
}

function tooMany(what: 'problems' | 'measures', count: number): ApplicationError {
  if (what === 'problems') {
    const limit = IMPORT_LIMITS.maxProblems;
    return new ApplicationError(
      'REPORT_TOO_LARGE',
      `文件中识别出 ${count} 个问题，超过一次导入的上限 ${limit} 个：请确认文件是否选对；问题清单请拆分为几个文件分别导入。`,
      { reason: 'TOO_MANY_PROBLEMS', problems: count, limit },
    );
  }
  const limit = IMPORT_LIMITS.maxMeasureLinks;
  return new ApplicationError(
    'REPORT_TOO_LARGE',
    `文件中的整改措施按所对应的问题计共 ${count} 条，超过一次导入的上限 ${limit} 条：请确认文件是否选对，或拆分为几个文件分别导入。`,
    { reason: 'TOO_MANY_MEASURES', measures: count, limit },
  );
}

/** What a report file holds, read in a worker thread (see readReport in report-work.worker.ts). */
export interface ReadReportResult {
  text: string;
  format: Extract<ReadOutcome, { kind: 'read' }>['format'];
  /** The tables read as tables (问题清单 rows: a spreadsheet's sheets, a document's problem table). */
  tables: Extract<ReadOutcome, { kind: 'read' }>['tables'];
  extraction: Extract<ReadOutcome, { kind: 'read' }>['extraction'];
}

/**
 * Decodes and parses a report file in a worker thread. `clean` removes what XML forbids from the
 * text and the extraction (for what is stored). Throws ApplicationError: REPORT_UNREADABLE,
 * REPORT_UNSUPPORTED_TYPE or REPORT_TOO_LARGE (the readers' bounds, details.reason = their
 * code; more than IMPORT_LIMITS.maxProblems problems, reason TOO_MANY_PROBLEMS; more measure
 * links than maxMeasureLinks, reason TOO_MANY_MEASURES; the thread's time or memory, reason
 * WORK_LIMIT_EXCEEDED).
 */
export async function readReportOffThread(
  bytes: Uint8Array,
  fileName: string,
  options: { clean: boolean },
): Promise<ReadReportResult> {
  const task: ReadTask = {
    bytes,
    fileName,
    clean: options.clean,
    maxProblems: IMPORT_LIMITS.maxProblems,
    maxMeasureLinks: IMPORT_LIMITS.maxMeasureLinks,
  };
  const outcome = await run<ReadOutcome>('read', 'readReport', task);
  if (outcome.kind === 'unreadable') {
    throw readErrorToApplicationError(new ReportReadError(outcome.code, outcome.message));
  }
  if (outcome.kind === 'too_many') throw tooMany(outcome.what, outcome.count);
  return {
    text: outcome.text,
    format: outcome.format,
    tables: outcome.tables,
    extraction: outcome.extraction,
  };
}

/**
 * Problem similarity both ways (findRecurringProblems): in this thread when it compares at most
 * IMPORT_LIMITS.inlineScorePairs pairs, else in a worker thread. Throws ApplicationError
 * REPORT_TOO_LARGE (reason WORK_LIMIT_EXCEEDED) past the worker thread's time or memory.
 */
export async function scoreRecurrenceWork(task: ScoreTask): Promise<ScoreOutcome> {
  if (scorePairs(task) <= IMPORT_LIMITS.inlineScorePairs) return scoreRecurrence(task);
  return run<ScoreOutcome>('score', 'scoreRecurrence', task);
}

/**
 * reconcileReport: in this thread when its work (reconcileUnits) is at most
 * IMPORT_LIMITS.inlineReconcileUnits, else in a worker thread (its claims × items matching is
 * quadratic). Throws ApplicationError REPORT_TOO_LARGE (reason WORK_LIMIT_EXCEEDED) past the
 * worker thread's time or memory.
 */
export async function reconcileWork(input: ReconcileInput): Promise<Reconciliation> {
  if (reconcileUnits(input) <= IMPORT_LIMITS.inlineReconcileUnits) return reconcileReport(input);
  return run<Reconciliation>('reconcile', 'reconcile', input);
}

/**
 * The work of a reconciliation, in claim–item comparisons: every 上年度整改情况 entry against
 * every tracked item, and once more each item (its omission is worded when no entry names it).
 */
export function reconcileUnits(input: Pick<ReconcileInput, 'entries' | 'tracked'>): number {
  return (input.entries.length + 1) * input.tracked.length;
}
