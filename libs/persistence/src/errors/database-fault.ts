/**
 * What a database error means for the caller:
 * - `busy`: another operation holds what this one needed (a row lock past `lock_timeout`, a
 *   deadlock); the request may be repeated at once.
 * - `unavailable`: the database cannot serve now (unreachable, restarting, out of connections,
 *   the pool gave none in time, a statement past `statement_timeout`); repeat a little later.
 */
export type DatabaseFault =
  | { kind: 'busy'; reason: 'lock_timeout' | 'deadlock' | 'serialization_failure' }
  | {
      kind: 'unavailable';
      reason:
        | 'statement_timeout'
        | 'idle_in_transaction_timeout'
        | 'pool_timeout'
        | 'too_many_connections'
        | 'insufficient_resources'
        | 'server_shutdown'
        | 'connection_lost'
        | 'unreachable'
        | 'pool_closed';
    };

type Reason<K extends DatabaseFault['kind']> = Extract<DatabaseFault, { kind: K }>['reason'];

/** SQLSTATE codes (PostgreSQL appendix A) by meaning. */
const BUSY_SQLSTATES: Record<string, Reason<'busy'>> = {
  '55P03': 'lock_timeout', // lock_not_available
  '40P01': 'deadlock', // deadlock_detected
  '40001': 'serialization_failure',
};
const UNAVAILABLE_SQLSTATES: Record<string, Reason<'unavailable'>> = {
  '57014': 'statement_timeout', // query_canceled
  '25P03': 'idle_in_transaction_timeout', // idle_in_transaction_session_timeout
  '53300': 'too_many_connections',
  '57P01': 'server_shutdown', // admin_shutdown
  '57P02': 'server_shutdown', // crash_shutdown
  '57P03': 'server_shutdown', // cannot_connect_now (starting up, recovering)
  '57P05': 'connection_lost', // idle_session_timeout
};
/** Socket errors of Node on the way to the server. */
const NODE_CODES: Record<string, Reason<'unavailable'>> = {
  ECONNREFUSED: 'unreachable',
  ENOTFOUND: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EAI_AGAIN: 'unreachable',
  ETIMEDOUT: 'unreachable',
  ECONNRESET: 'connection_lost',
  EPIPE: 'connection_lost',
};
/** node-postgres and pg-pool say these in words only (pg 8, pg-pool 3). */
const DRIVER_MESSAGES: [RegExp, Reason<'unavailable'>][] = [
  [/^timeout exceeded when trying to connect/, 'pool_timeout'],
  [/^Connection terminated due to connection timeout/, 'unreachable'],
  [/^timeout expired$/, 'unreachable'],
  [/^Connection terminated/, 'connection_lost'],
  [/^Client has encountered a connection error and is not queryable/, 'connection_lost'],
  [/^Client was closed and is not queryable/, 'connection_lost'],
  [/^Cannot use a pool after calling end on the pool/, 'pool_closed'],
];

/**
 * Classifies an error thrown by TypeORM or node-postgres; null when it is not a database fault
 * of the kinds above (a bug, a constraint violation, anything else).
 *
 * Looks at the error, TypeORM's `driverError`, `cause` and an AggregateError's `errors`, by
 * SQLSTATE or Node error `code` and by message: never by class, which differs per copy of a
 * package. SQLSTATE class 08 (connection exception) and other class 53 codes (out of memory,
 * disk full) are `unavailable` too.
 */
export function classifyDatabaseError(error: unknown): DatabaseFault | null {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0 && seen.size < 16) {
    const current = pending.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const fault = classifyOne(current as Record<string, unknown>);
    if (fault) return fault;
    const { driverError, cause, errors } = current as Record<string, unknown>;
    pending.push(driverError, cause, ...(Array.isArray(errors) ? errors : []));
  }
  return null;
}

function classifyOne(error: Record<string, unknown>): DatabaseFault | null {
  const code = typeof error.code === 'string' ? error.code : '';
  if (Object.hasOwn(BUSY_SQLSTATES, code)) return { kind: 'busy', reason: BUSY_SQLSTATES[code] };
  if (Object.hasOwn(UNAVAILABLE_SQLSTATES, code))
    return { kind: 'unavailable', reason: UNAVAILABLE_SQLSTATES[code] };
  if (/^08[0-9A-Z]{3}$/.test(code)) return { kind: 'unavailable', reason: 'connection_lost' };
  if (/^53[0-9A-Z]{3}$/.test(code)) return { kind: 'unavailable', reason: 'insufficient_resources' };
  if (Object.hasOwn(NODE_CODES, code)) return { kind: 'unavailable', reason: NODE_CODES[code] };
  const message = typeof error.message === 'string' ? error.message : '';
  const known = DRIVER_MESSAGES.find(([pattern]) => pattern.test(message));
  return known ? { kind: 'unavailable', reason: known[1] } : null;
}
