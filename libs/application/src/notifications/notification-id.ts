import { ApplicationError } from '../errors/application-error';

/**
 * A 站内消息 entry id: a bigint as text (at most 18 digits, so it always fits PostgreSQL's
 * bigint), with the prefix `t` for a deadline tier (its reminder ledger row, e.g. `t1203`).
 */
export const NOTIFICATION_ID_PATTERN = /^t?[1-9]\d{0,17}$/;

/** Whether `value` can be a 站内消息 entry id. */
export const isNotificationId = (value: string): boolean => NOTIFICATION_ID_PATTERN.test(value);

/**
 * `value` when it can be a 站内消息 entry id; `field` names the argument in the refusal.
 * @throws ApplicationError INVALID_ARGUMENT (400)
 */
export function requireNotificationId(value: string, field: string): string {
  if (!isNotificationId(value)) {
    throw new ApplicationError('INVALID_ARGUMENT', `${field} 须为消息编号（如 120 或 t120）。`, {
      field,
      value,
    });
  }
  return value;
}
