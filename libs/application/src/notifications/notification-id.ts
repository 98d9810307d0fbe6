import { ApplicationError } from '../errors/application-error';

// A bigint id as text: at most 18 digits, so it always fits PostgreSQL's bigint.
const NOTIFICATION_ID = /^[1-9]\d{0,17}$/;

/** Whether `value` can be a notification id (bigint as text). */
export const isNotificationId = (value: string): boolean => NOTIFICATION_ID.test(value);

/**
 * `value` when it can be a notification id; `field` names the argument in the refusal.
 * @throws ApplicationError INVALID_ARGUMENT (400)
 */
export function requireNotificationId(value: string, field: string): string {
  if (!isNotificationId(value)) {
    throw new ApplicationError('INVALID_ARGUMENT', `${field} 须为消息编号（正整数）。`, { field, value });
  }
  return value;
}
