/**
 * What the server's password rules ask (checkPasswordPolicy in libs/application): shown beside
 * the new-password field. The server decides; the form only checks the length first.
 */
export const PASSWORD_RULES_HINT =
  '至少8个字符，最多72个英文字母、数字或符号（或24个汉字）；不能是常见密码、同一字符重复或连续的数字字母，也不能与账号或当前密码相同。';

/** Shortest password the server accepts, in characters. */
export const MIN_PASSWORD_LENGTH = 8;
