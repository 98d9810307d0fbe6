import { cleanOptionalText } from '@rectify/domain';
import { ApplicationError } from '../errors/application-error';

/** Longest name (姓名) accepted, in characters. */
export const MAX_DISPLAY_NAME_LENGTH = 50;

/**
 * A name as stored: trimmed, without characters XML forbids (names appear in exports).
 * @throws ApplicationError INVALID_ARGUMENT when empty or longer than MAX_DISPLAY_NAME_LENGTH
 */
export function checkedDisplayName(name: string): string {
  const cleaned = cleanOptionalText(name)?.trim() ?? '';
  if (!cleaned || [...cleaned].length > MAX_DISPLAY_NAME_LENGTH)
    throw new ApplicationError('INVALID_ARGUMENT', `姓名不能为空，最多${MAX_DISPLAY_NAME_LENGTH}个字。`);
  return cleaned;
}

/**
 * A phone number as stored (digits, spaces, + - and brackets, 3 to 30 characters), or null for
 * empty. @throws ApplicationError INVALID_ARGUMENT
 */
export function checkedPhone(phone: string | null): string | null {
  const trimmed = phone?.trim() ?? '';
  if (!trimmed) return null;
  if (!/^[0-9+\-() ]{3,30}$/.test(trimmed))
    throw new ApplicationError(
      'INVALID_ARGUMENT',
      '手机号码格式不正确：只能包含数字、空格和 + - ( ) 符号。',
      {
        phone: trimmed,
      },
    );
  return trimmed;
}

/** An e-mail address as stored, or null for empty. @throws ApplicationError INVALID_ARGUMENT */
export function checkedEmail(email: string | null): string | null {
  const trimmed = email?.trim() ?? '';
  if (!trimmed) return null;
  if (trimmed.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed))
    throw new ApplicationError('INVALID_ARGUMENT', '邮箱格式不正确：例如 zhangsan@example.org。', {
      email: trimmed,
    });
  return trimmed;
}
