/**
 * Characters XML 1.0 forbids, which make a .docx or .xlsx unreadable (Word and LibreOffice refuse
 * the file): C0 controls other than tab, line feed and carriage return; U+FFFE and U+FFFF; and
 * surrogates that are not half of a pair. With the `u` flag a valid pair is one code point above
 * U+FFFF, so only a lone surrogate matches the surrogate range.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_FORBIDDEN = /[\u0000-\u0008\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

/**
 * Vertical tab (what Word puts on the clipboard for a manual line break, Shift+Enter) and form
 * feed (a page break): they separate text, so they become a line break rather than vanishing.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_BREAKING_CONTROLS = /[\u000B\u000C]/g;

/**
 * The text without the characters XML forbids (and PostgreSQL refuses: U+0000), so it can be
 * stored and later written into Word and Excel files. Vertical tab and form feed become "\n";
 * every other forbidden character (C0 controls except \t \n \r, U+FFFE, U+FFFF, lone
 * surrogates) is removed. Everything else, including valid surrogate pairs (emoji, rare CJK),
 * is kept as is. Pure; never throws.
 */
export function cleanText(text: string): string {
  return text.replace(LINE_BREAKING_CONTROLS, '\n').replace(XML_FORBIDDEN, '');
}

/** cleanText for a string; null and undefined pass through unchanged (for nullable columns). */
export function cleanOptionalText<T extends string | null | undefined>(text: T): T {
  return (typeof text === 'string' ? cleanText(text) : text) as T;
}

/**
 * A copy of a JSON-like value (strings, numbers, booleans, null, arrays, plain objects) with
 * cleanText applied to every string in it, object keys included. For event payloads and
 * extraction results, which carry user text at any depth. Other values are returned as they are.
 */
export function cleanTextDeep<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map((v) => cleanTextDeep(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k), cleanTextDeep(v)])) as T;
  }
  return value;
}
