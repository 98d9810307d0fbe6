/**
 * A thin typed wrapper over autocannon (the load generator of `bench:api`): `connections`
 * keep-alive connections send GET requests to `base` for `seconds`, each request's path drawn
 * by `path()`; or exactly `amount` requests. Latencies in milliseconds.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<AutocannonResult>;

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Answers other than 2xx, connection errors and timeouts: 0 expected. */
  failures: number;
}

export interface LoadOptions {
  base: string;
  path: () => string;
  connections: number;
  /** How long to send requests; or, with `amount`, the most it may take. */
  seconds: number;
  /** Send exactly this many requests instead (for requests that take seconds each). */
  amount?: number;
  headers?: Record<string, string>;
  /** Seconds before one request is counted as a timeout (default 30). */
  timeoutSeconds?: number;
}

export async function load(o: LoadOptions): Promise<LoadResult> {
  const r = await autocannon({
    url: o.base,
    connections: o.connections,
    ...(o.amount === undefined ? { duration: o.seconds } : { amount: o.amount }),
    timeout: o.timeoutSeconds ?? 30,
    headers: o.headers ?? {},
    requests: [
      { method: 'GET', setupRequest: (req: Record<string, unknown>) => ({ ...req, path: o.path() }) },
    ],
  });
  return {
    requestsPerSecond: Number((r.requests.total / r.duration).toFixed(1)),
    requests: r.requests.total,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    failures: r.non2xx + r.errors + r.timeouts,
  };
}
