import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { classifyDatabaseError } from './database-fault';

/** An error as node-postgres reports a server's ErrorResponse, with its SQLSTATE. */
function serverError(code: string, message: string): DatabaseError {
  const error = new DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}

/** A Node socket error, as net.connect reports it. */
function socketError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect' });
}

const wrapped = (driverError: Error) => new QueryFailedError('UPDATE rectification_item …', [], driverError);

describe('classifyDatabaseError', () => {
  it.each([
    ['55P03', 'canceling statement due to lock timeout', 'lock_timeout'],
    ['40P01', 'deadlock detected', 'deadlock'],
    ['40001', 'could not serialize access due to concurrent update', 'serialization_failure'],
  ])('calls SQLSTATE %s (%s) busy: %s', (code, message, reason) => {
    expect(classifyDatabaseError(serverError(code, message))).toEqual({ kind: 'busy', reason });
    expect(classifyDatabaseError(wrapped(serverError(code, message)))).toEqual({ kind: 'busy', reason });
  });

  it.each([
    ['57014', 'canceling statement due to statement timeout', 'statement_timeout'],
    ['25P03', 'terminating connection due to idle-in-transaction timeout', 'idle_in_transaction_timeout'],
    ['53300', 'sorry, too many clients already', 'too_many_connections'],
    ['53200', 'out of memory', 'insufficient_resources'],
    ['57P01', 'terminating connection due to administrator command', 'server_shutdown'],
    ['57P02', 'terminating connection due to crash of another server process', 'server_shutdown'],
    ['57P03', 'the database system is starting up', 'server_shutdown'],
    ['08006', 'connection failure', 'connection_lost'],
    ['08P01', 'protocol violation', 'connection_lost'],
  ])('calls SQLSTATE %s (%s) unavailable: %s', (code, message, reason) => {
    expect(classifyDatabaseError(wrapped(serverError(code, message)))).toEqual({
      kind: 'unavailable',
      reason,
    });
  });

  it.each([
    ['ECONNREFUSED', 'unreachable'],
    ['ETIMEDOUT', 'unreachable'],
    ['ENOTFOUND', 'unreachable'],
    ['ECONNRESET', 'connection_lost'],
    ['EPIPE', 'connection_lost'],
  ])('calls the socket error %s unavailable: %s', (code, reason) => {
    expect(classifyDatabaseError(socketError(code))).toEqual({ kind: 'unavailable', reason });
  });

  it('finds a refused connection inside an AggregateError (Node tries IPv4 and IPv6 in turn)', () => {
    const error = new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')], '');
    expect(classifyDatabaseError(error)).toEqual({ kind: 'unavailable', reason: 'unreachable' });
  });

  it.each([
    ['timeout exceeded when trying to connect', 'pool_timeout'],
    ['Connection terminated due to connection timeout', 'unreachable'],
    ['timeout expired', 'unreachable'],
    ['Connection terminated unexpectedly', 'connection_lost'],
    ['Client has encountered a connection error and is not queryable', 'connection_lost'],
    ['Cannot use a pool after calling end on the pool', 'pool_closed'],
  ])('recognises the driver message "%s" as unavailable: %s', (message, reason) => {
    expect(classifyDatabaseError(new Error(message))).toEqual({ kind: 'unavailable', reason });
    expect(classifyDatabaseError(wrapped(new Error(message)))).toEqual({ kind: 'unavailable', reason });
  });

  it('follows `cause`, as pg-pool wraps a connect that timed out', () => {
    const error = new Error('something failed', { cause: new Error('Connection terminated unexpectedly') });
    expect(classifyDatabaseError(error)).toEqual({ kind: 'unavailable', reason: 'connection_lost' });
  });

  it.each([
    ['a unique violation', wrapped(serverError('23505', 'duplicate key value violates unique constraint'))],
    ['a syntax error', wrapped(serverError('42601', 'syntax error at or near "SELEC"'))],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['an application code', Object.assign(new Error('事项已被修改'), { code: 'ITEM_CHANGED' })],
    ['a code named like a prototype property', Object.assign(new Error('x'), { code: 'toString' })],
    ['no error at all', 'just a string'],
    ['null', null],
  ])('leaves %s alone (null)', (_, error) => {
    expect(classifyDatabaseError(error)).toBeNull();
  });

  it('stops on a cycle of causes', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    a.cause = new Error('b', { cause: a });
    expect(classifyDatabaseError(a)).toBeNull();
  });
});
