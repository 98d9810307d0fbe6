import { HttpStatus } from '@nestjs/common';
import { type DatabaseFault } from '@rectify/persistence';
import { type ErrorBody } from './error-body';

/**
 * How long a client should wait before repeating a request the database could not serve
 * (`Retry-After`, seconds): long enough for a pool to drain or a restarted server to accept
 * connections, short enough that a person clicking again is not kept waiting.
 */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

const UNAVAILABLE_MESSAGE = '服务暂时不可用（数据库繁忙或正在维护），请稍后重试。';
const STATEMENT_TIMEOUT_MESSAGE =
  '数据库处理超时（数据库繁忙或本次查询过大），请稍后重试；若反复出现，请缩小查询范围或联系管理员。';

/**
 * The answer to a request that met a database fault (see classifyDatabaseError), never a 500:
 * - busy (a row lock not granted within DB_LOCK_TIMEOUT_MS, a deadlock): 409 RESOURCE_BUSY;
 *   nothing was changed and the request may be sent again.
 * - unavailable: 503 DATABASE_UNAVAILABLE, sent with `Retry-After` by the error filter.
 * `details.reason` names the fault for programs and operators (`lock_timeout`, `pool_timeout`,
 * `unreachable` …). `path` is the request's path: on an item the message names the item.
 */
export function databaseFaultResponse(fault: DatabaseFault, path: string): [number, ErrorBody] {
  const details = { reason: fault.reason };
  if (fault.kind === 'busy') {
    const what = /^\/api\/items\b/.test(path) ? '该事项' : '所需数据';
    return [
      HttpStatus.CONFLICT,
      { code: 'RESOURCE_BUSY', message: `${what}正被其他操作处理，请稍后重试。`, details },
    ];
  }
  const message = fault.reason === 'statement_timeout' ? STATEMENT_TIMEOUT_MESSAGE : UNAVAILABLE_MESSAGE;
  return [HttpStatus.SERVICE_UNAVAILABLE, { code: 'DATABASE_UNAVAILABLE', message, details }];
}

/** The first line of what the driver said, for a one-line log entry. */
export function driverMessageOf(error: unknown): string {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { message, errors, driverError, cause } = current as {
      message?: unknown;
      errors?: unknown[];
      driverError?: unknown;
      cause?: unknown;
    };
    if (typeof message === 'string' && message.trim() !== '') return message.split('\n')[0];
    current = driverError ?? cause ?? (Array.isArray(errors) ? errors[0] : undefined);
  }
  return String(error);
}
