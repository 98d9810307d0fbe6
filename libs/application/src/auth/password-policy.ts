import { ApplicationError } from '../errors/application-error';

/** Shortest password accepted, in characters (code points). */
export const MIN_PASSWORD_LENGTH = 8;

/**
 * Longest password accepted, in UTF-8 bytes: bcrypt reads only the first 72 bytes, so anything
 * after them would be silently ignored. That is 72 letters, digits or ASCII symbols, or 24
 * Chinese characters (3 bytes each). Longer passwords are refused rather than pre-hashed: a
 * pre-hash would change every stored hash's format, and 72 bytes is ample for a pass phrase.
 */
export const MAX_PASSWORD_BYTES = 72;

/**
 * The most common passwords of at least 8 characters in published leaks (Chinese and English
 * lists); shorter ones are already refused by the length rule. Compared case-insensitively.
 */
const COMMON_PASSWORDS = new Set([
  '12345678',
  '123456789',
  '1234567890',
  '0123456789',
  '11111111',
  '00000000',
  '66666666',
  '88888888',
  '99999999',
  '12341234',
  '11223344',
  '12344321',
  '123123123',
  '147258369',
  '159753123',
  '31415926',
  '5201314520',
  '1314520520',
  'woaini1314',
  'woaini520',
  'password',
  'password1',
  'password12',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'qwertyui',
  'qwertyuiop',
  'qwerty123',
  'qwerty12',
  'qwer1234',
  '1234qwer',
  'q1w2e3r4',
  'q1w2e3r4t5',
  '1q2w3e4r',
  '1q2w3e4r5t',
  'qweasdzxc',
  'qazwsxedc',
  'asdfghjkl',
  'asdf1234',
  'zxcvbnm1',
  'zxcvbnm123',
  '1qaz2wsx',
  '1qaz@wsx',
  '!qaz2wsx',
  'zaq12wsx',
  'abc12345',
  'abcd1234',
  'abc123456',
  'a1234567',
  'a12345678',
  'a123456789',
  'aa123456',
  'aa12345678',
  'qq123456',
  'admin123',
  'admin888',
  'admin1234',
  'administrator',
  'iloveyou',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'welcome1',
  'letmein1',
  'superman',
  'trustno1',
]);

/** Why a password was refused: the `rule` in the error's details. */
export type PasswordRule = 'too_short' | 'too_long' | 'common' | 'repeated' | 'sequence' | 'same_as_username';

const MESSAGES: Record<PasswordRule, string> = {
  too_short: `密码太短：至少需要${MIN_PASSWORD_LENGTH}个字符。`,
  too_long: `密码太长：最多${MAX_PASSWORD_BYTES}个英文字母、数字或符号，或${MAX_PASSWORD_BYTES / 3}个汉字（按 UTF-8 计${MAX_PASSWORD_BYTES}字节），超出部分无法参与校验。`,
  common: '密码过于常见，很容易被猜中：请换一个不常见的密码，例如由几个词组成的短句。',
  repeated: '密码不能由同一个字符或同一小段字符重复组成（如 aaaaaaaa、12121212）：请换一个密码。',
  sequence: '密码不能是连续的数字或字母（如 12345678、abcdefgh、87654321）：请换一个密码。',
  same_as_username: '密码不能与用户名相同：请换一个密码。',
};

/** Whether the text, lower-cased, is a run of consecutive digits or letters, up or down. */
function isSequence(text: string): boolean {
  if (!/^([0-9]+|[a-z]+)$/.test(text)) return false;
  const step = text.charCodeAt(1) - text.charCodeAt(0);
  if (step !== 1 && step !== -1) return false;
  for (let i = 2; i < text.length; i++)
    if (text.charCodeAt(i) - text.charCodeAt(i - 1) !== step) return false;
  return true;
}

/** Whether the text is one short unit (up to 4 characters) repeated, e.g. aaaaaaaa or abcabcab. */
function isRepetition(chars: string[]): boolean {
  for (let period = 1; period <= 4; period++) {
    if (chars.every((c, i) => c === chars[i % period])) return true;
  }
  return false;
}

/** The rule the password breaks, or null when it is acceptable. */
export function passwordProblem(password: string, username?: string): PasswordRule | null {
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) return 'too_long';
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_LENGTH) return 'too_short';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'common';
  if (isRepetition(chars)) return 'repeated';
  if (isSequence(lower)) return 'sequence';
  if (username !== undefined && lower === username.trim().toLowerCase()) return 'same_as_username';
  return null;
}

/**
 * Refuses a password that is too short (under 8 characters), too long for bcrypt (over 72 UTF-8
 * bytes), among the most common ones, one character or a short unit repeated, a plain run of
 * digits or letters, or the user name itself.
 * @throws ApplicationError PASSWORD_REJECTED (HTTP 400) with a Chinese message and `details.rule`
 */
export function checkPasswordPolicy(password: string, username?: string): void {
  const rule = passwordProblem(password, username);
  if (rule) throw new ApplicationError('PASSWORD_REJECTED', MESSAGES[rule], { rule });
}
