/**
 * How Word writes a list counter in each `w:numFmt` (ECMA-376 Part 1, §17.18.59) that reports
 * use. The Chinese forms follow what Word displays: chineseCounting spells 1–99 with 十
 * (十一, 二十) and larger numbers digit by digit (一○一); chineseCountingThousand spells them
 * out (一百零一 is written 一百〇一 by Word); ideographTraditional counts the ten heavenly stems.
 * A format the reader does not know, and a number a format has no symbol for (㉑ past ⑳ …),
 * falls back to decimal, so a label is never lost.
 */

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CN_DIGITS_CIRCLE = ['○', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL_SIMPLIFIED = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const LEGAL_TRADITIONAL = ['零', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'];
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** 1–99 with tens: 十, 十一, 二十, 九十九. */
function tensCn(n: number, digits: readonly string[], ten: string): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return digits[ones];
  return (tens === 1 ? '' : digits[tens]) + ten + (ones === 0 ? '' : digits[ones]);
}

/** 1–9999 spelled out with 十百千 and 〇 for a gap (一百〇五, 一千〇二十). */
function thousandCn(n: number, digits: readonly string[], units: readonly string[]): string {
  if (n < 100) return tensCn(n, digits, units[0]);
  const places = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  const unitOf = [units[2], units[1], units[0], ''];
  let out = '';
  let gap = false;
  for (let i = 0; i < 4; i++) {
    const d = places[i];
    if (d === 0) {
      if (out) gap = true;
      continue;
    }
    if (gap) out += digits[0];
    gap = false;
    out += digits[d] + unitOf[i];
  }
  return out;
}

/** Japanese counting: like Chinese below 100; 百 and 千 stand alone for one hundred / thousand. */
function japaneseCounting(n: number): string {
  if (n < 100) return tensCn(n, CN_DIGITS, '十');
  const hundreds = Math.floor(n / 100) % 10;
  const thousands = Math.floor(n / 1000);
  const rest = n % 100;
  const unit = (d: number, u: string) => (d === 0 ? '' : (d === 1 ? '' : CN_DIGITS[d]) + u);
  return unit(thousands, '千') + unit(hundreds, '百') + (rest === 0 ? '' : tensCn(rest, CN_DIGITS, '十'));
}

function letters(n: number, base: string): string {
  // Word repeats the letter: A … Z, AA … ZZ, AAA …
  const letter = base[(n - 1) % 26];
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, symbol] of table) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

/** ① … ⑳ ㉑ … ㉟ ㊱ … ㊿ */
function circled(n: number): string | null {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36);
  return null;
}

const inRange = (n: number, max: number, symbol: (n: number) => string): string | null =>
  n >= 1 && n <= max ? symbol(n) : null;

const FORMATS: Readonly<Record<string, (n: number) => string | null>> = {
  decimal: (n) => String(n),
  decimalZero: (n) => (n < 10 ? `0${n}` : String(n)),
  decimalFullWidth: (n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  decimalFullWidth2: (n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  decimalHalfWidth: (n) => String(n),
  decimalEnclosedCircle: circled,
  decimalEnclosedCircleChinese: circled,
  decimalEnclosedParen: (n) => inRange(n, 20, (k) => String.fromCodePoint(0x2474 + k - 1)),
  decimalEnclosedFullstop: (n) => inRange(n, 20, (k) => String.fromCodePoint(0x2488 + k - 1)),
  ideographEnclosedCircle: (n) => inRange(n, 10, (k) => String.fromCodePoint(0x3220 + k - 1)),
  upperLetter: (n) => letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
  lowerLetter: (n) => letters(n, 'abcdefghijklmnopqrstuvwxyz'),
  upperRoman: (n) => (n < 4000 ? roman(n) : null),
  lowerRoman: (n) => (n < 4000 ? roman(n).toLowerCase() : null),
  chineseCounting: (n) => {
    if (n < 100) return tensCn(n, CN_DIGITS_CIRCLE, '十');
    return n < 10000 ? [...String(n)].map((d) => CN_DIGITS_CIRCLE[Number(d)]).join('') : null;
  },
  chineseCountingThousand: (n) => (n < 10000 ? thousandCn(n, CN_DIGITS, ['十', '百', '千']) : null),
  taiwaneseCounting: (n) => (n < 100 ? tensCn(n, CN_DIGITS, '十') : null),
  taiwaneseCountingThousand: (n) => (n < 10000 ? thousandCn(n, CN_DIGITS, ['十', '百', '千']) : null),
  japaneseCounting: (n) => (n < 10000 ? japaneseCounting(n) : null),
  chineseLegalSimplified: (n) => (n < 10000 ? thousandCn(n, LEGAL_SIMPLIFIED, ['拾', '佰', '仟']) : null),
  ideographLegalTraditional: (n) => (n < 10000 ? thousandCn(n, LEGAL_TRADITIONAL, ['拾', '佰', '仟']) : null),
  ideographDigital: (n) => [...String(n)].map((d) => CN_DIGITS[Number(d)]).join(''),
  japaneseDigitalTenThousand: (n) => [...String(n)].map((d) => CN_DIGITS[Number(d)]).join(''),
  taiwaneseDigital: (n) => [...String(n)].map((d) => CN_DIGITS[Number(d)]).join(''),
  ideographTraditional: (n) => inRange(n, 10, (k) => STEMS[k - 1]),
  ideographZodiac: (n) => inRange(n, 12, (k) => BRANCHES[k - 1]),
  none: () => '',
};

/**
 * The counter `n` (≥ 0) written in Word's `numFmt` format. `bullet` gives "•" (the symbol a
 * document names is in a symbol font and means nothing as text); unknown formats give decimal.
 */
export function formatCounter(n: number, numFmt: string): string {
  if (numFmt === 'bullet') return '•';
  if (n <= 0) return String(n);
  return FORMATS[numFmt]?.(n) ?? String(n);
}
