import { type SqlRunner } from '../data-source/sql-runner';

/**
 * When the embedded database's upkeep runs: first this long after the database opens, then at
 * this interval. A check that finds nothing to do reads one catalogue query.
 */
export const EMBEDDED_UPKEEP = {
  firstAfterMs: 60_000,
  everyMs: 10 * 60_000,
  /** A table is vacuumed and analysed again when it has grown past (pages then) × this + minPages. */
  growthFactor: 1.2,
  minPages: 8,
} as const;

/** One table's upkeep: its size in 8 kB pages when last analysed and now. */
export interface TableUpkeep {
  table: string;
  pagesBefore: number;
  pagesNow: number;
}

/**
 * The tables of the `public` schema that need `VACUUM (ANALYZE)`: never analysed (and not empty),
 * or grown past `growthFactor` × their size at the last analysis plus `minPages` (the statistics
 * then describe a smaller table). Largest growth first.
 */
export async function tablesDueForUpkeep(db: SqlRunner): Promise<TableUpkeep[]> {
  const rows = (await db.query(
    `SELECT c.relname AS "table", c.relpages AS "pagesBefore", c.reltuples AS "tuplesBefore",
            (pg_relation_size(c.oid) / current_setting('block_size')::int)::int AS "pagesNow"
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'`,
  )) as { table: string; pagesBefore: number; tuplesBefore: number; pagesNow: number }[];
  return rows
    .filter((r) =>
      r.tuplesBefore < 0
        ? r.pagesNow > 0
        : r.pagesNow >= r.pagesBefore * EMBEDDED_UPKEEP.growthFactor + EMBEDDED_UPKEEP.minPages,
    )
    .map(({ table, pagesBefore, pagesNow }) => ({ table, pagesBefore, pagesNow }))
    .sort((a, b) => b.pagesNow - b.pagesBefore - (a.pagesNow - a.pagesBefore));
}

/**
 * The embedded database's stand-in for autovacuum, which PGlite does not run (one process, one
 * session): `VACUUM (ANALYZE)` of each table `tablesDueForUpkeep` names, one statement at a
 * time, so that the planner's statistics follow the tables' growth (plans made for a small
 * table turn into whole-table scans once it is large: bench/README.md, stop 31) and dead rows'
 * space is reused. Each statement is a request of its own on the embedded server, between other
 * connections' requests and never inside their transactions (`db` is the DataSource's pool, not
 * a transaction's runner: VACUUM refuses to run in one). Returns what it did; throws the
 * database's error (the caller reports it and tries again at the next round).
 */
export async function upkeepEmbeddedTables(db: SqlRunner): Promise<TableUpkeep[]> {
  const due = await tablesDueForUpkeep(db);
  for (const t of due) await db.query(`VACUUM (ANALYZE) "${t.table.replace(/"/g, '""')}"`);
  return due;
}

/** A running upkeep schedule; `stop` waits for a round in progress. */
export interface UpkeepSchedule {
  stop(): Promise<void>;
}

/**
 * Runs `upkeepEmbeddedTables` `firstAfterMs` after now, then every `everyMs`, never two rounds at
 * once; the timers do not keep the process alive. A failed round goes to `onError` (a warning:
 * the next round tries again).
 */
export function scheduleEmbeddedUpkeep(
  db: SqlRunner,
  onError: (err: unknown) => void,
  timing: { firstAfterMs: number; everyMs: number } = EMBEDDED_UPKEEP,
): UpkeepSchedule {
  let running: Promise<void> | null = null;
  let stopped = false;
  const round = () => {
    if (stopped || running) return;
    running = upkeepEmbeddedTables(db)
      .then(() => undefined, onError)
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(() => {
    round();
    every.refresh();
  }, timing.firstAfterMs);
  const every = setInterval(round, timing.everyMs);
  first.unref();
  every.unref();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
