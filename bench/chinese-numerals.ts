const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十: item numbers as official documents write them (1–99). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** 2023 → 二〇二三, the way some titles write the year. */
export function chineseNumeralYear(year: number): string {
  return [...String(year)].map((digit) => (digit === '0' ? '〇' : DIGITS[Number(digit)])).join('');
}

/** 1 → ①, up to ⑳. */
export function circledNumber(n: number): string {
  return String.fromCharCode(0x2460 + n - 1);
}
