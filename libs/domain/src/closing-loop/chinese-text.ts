/** Small helpers for writing Chinese report text. */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (enough for list numbering). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a list number: ${n}`);
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 1000) {
    const rest = n % 100;
    const tail =
      rest === 0
        ? ''
        : rest < 10
          ? `零${DIGITS[rest]}`
          : rest < 20
            ? `一${chineseNumeral(rest)}`
            : chineseNumeral(rest);
    return `${DIGITS[Math.floor(n / 100)]}百${tail}`;
  }
  return String(n);
}

/** 2024-06-30 → 2024年6月30日 */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Drops trailing punctuation so a clause can be joined into a sentence of its own. */
export function clause(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[。；;，,、：:.!！\s]+$/u, '');
}

/** Puts text inside Chinese double quotes, turning quotes inside it into single ones. */
export function quoted(text: string): string {
  const inner = clause(text)
    .replace(/"([^"]*)"/g, '‘$1’')
    .replace(/“/g, '‘')
    .replace(/[”"]/g, '’');
  return `“${inner}”`;
}

/** Calendar days from one ISO date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
