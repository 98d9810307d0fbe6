/**
 * Server settings from a list such as `BENCH_PG_SETTINGS="jit=off,work_mem=64MB"` (comma-separated
 * `name=value` pairs, passed to the benchmark's PostgreSQL as `-c name=value`). Empty: none.
 */
export function pgSettings(list: string): Record<string, string> {
  return Object.fromEntries(
    list
      .split(',')
      .filter(Boolean)
      .map((pair) => pair.split('=').map((s) => s.trim()) as [string, string]),
  );
}
