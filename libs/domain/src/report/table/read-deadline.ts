import { DATE_WINDOW, isIsoDay } from '../../calendar/date-window';
import { normalizeForMatching } from '../../text/normalize-for-matching';

/**
 * What a 整改时限 cell says: an ISO day (YYYY-MM-DD), no date on purpose (立行立改, 长期坚持,
 * 持续推进 …), or something that cannot be read (with a Chinese reason for the warning).
 */
export type DeadlineReading =
  { kind: 'date'; date: string } | { kind: 'none' } | { kind: 'unreadable'; reason: string };

/** Words that name a deadline that is not a day: the item keeps the text and no date. */
const NO_DATE = /立行立改|即知即改|立知立改|长期|持续|常态|久久为功|随时|动态|每年|每季|每月|定期/;

// Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in); serials 32874 …
// 73415 are the days of DATE_WINDOW, so a five-digit number in a deadline column is a date.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const SERIAL = /^\d{5}(?:\.\d+)?$/;

const QUAL = '(?<qual>上半年|下半年|第?[一二三四1-4]季度|年内|年底|年末|底|末|上旬|中旬|下旬|前|以前|之前)?';
/** Date mentions, each with the groups year, month, day, qual (a missing year takes the previous one). */
const MENTIONS: RegExp[] = [
  new RegExp(
    `(?<!\\d)(?<year>\\d{4})\\s*(?<sep>[./-])\\s*(?<month>\\d{1,2})(?:\\s*\\k<sep>\\s*(?<day>\\d{1,2}))?(?!\\d)\\s*${QUAL}`,
    'g',
  ),
  /(?<!\d)(?<year>\d{4})(?<month>\d{2})(?<day>\d{2})(?!\d)/g,
  new RegExp(
    `(?<!\\d)(?<year>\\d{4})\\s*年度?\\s*(?:(?<month>\\d{1,2})\\s*月份?\\s*(?:(?<day>\\d{1,2})\\s*[日号])?)?\\s*${QUAL}`,
    'g',
  ),
  new RegExp(
    `(?<![\\d年./-]\\s*)(?<month>\\d{1,2})\\s*月份?\\s*(?:(?<day>\\d{1,2})\\s*[日号])?\\s*${QUAL}`,
    'g',
  ),
];

interface Mention {
  index: number;
  text: string;
  groups: Record<string, string | undefined>;
}

const QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/**
 * Reads a 整改时限 / 完成时限 cell: 2024年6月底, 2024.6.30, 2024-06-30, 2024/6/30, 20240630,
 * 2024年12月, 2024年底, 2024年上半年, 2024年第三季度, an Excel date serial (45473), or a range
 * (2024年3月至6月, 2024.3-2024.6: its end). A month alone means its last day, a year alone
 * 31 December, 上旬/中旬 the 10th/20th, X月前 the last day before that month. Days outside
 * DATE_WINDOW (1990–2100) or that do not exist are unreadable.
 */
export function readDeadline(cell: string): DeadlineReading {
  const text = normalizeForMatching(cell).trim();
  if (!text) return { kind: 'none' };
  if (SERIAL.test(text)) return fromSerial(Number(text));
  let found: string | null = null;
  let year: number | null = null;
  let problem: string | null = null;
  for (const m of mentionsOf(text)) {
    const g = m.groups;
    if (g.year) year = Number(g.year);
    if (year === null) {
      problem = m.text === text ? '缺少年份' : `其中"${m.text}"缺少年份`;
      continue;
    }
    const day = dayOf(year, g.month, g.day, g.qual);
    if (day === null) problem = m.text === text ? '不是有效日期' : `其中"${m.text}"不是有效日期`;
    else found = day;
  }
  if (found) {
    if (found < DATE_WINDOW.first || found > DATE_WINDOW.last) {
      return { kind: 'unreadable', reason: outOfWindow(found) };
    }
    return { kind: 'date', date: found };
  }
  if (NO_DATE.test(text)) return { kind: 'none' };
  return {
    kind: 'unreadable',
    reason: problem ?? '无法识别为日期（可写作 2024年6月30日、2024.6.30、2024年6月底或立行立改）',
  };
}

/** Every date mention in reading order; where two overlap, the one starting first (then longer) wins. */
function mentionsOf(text: string): Mention[] {
  const all: Mention[] = [];
  for (const re of MENTIONS) {
    for (const m of text.matchAll(re)) {
      all.push({ index: m.index ?? 0, text: m[0].trim(), groups: { ...m.groups } });
    }
  }
  all.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const kept: Mention[] = [];
  let end = -1;
  for (const m of all) {
    if (m.index < end) continue;
    kept.push(m);
    end = m.index + m.text.length;
  }
  return kept;
}

function dayOf(
  year: number,
  monthText: string | undefined,
  dayText: string | undefined,
  qual: string | undefined,
): string | null {
  if (!monthText) {
    if (qual === '上半年') return iso(year, 6, 30);
    const quarter = qual && /季度/.test(qual) ? QUARTER[qual.replace(/第|季度/g, '')] : undefined;
    if (quarter) return iso(year, quarter * 3, lastDay(year, quarter * 3));
    if (qual && /^(?:以|之)?前$/.test(qual)) return iso(year - 1, 12, 31);
    return iso(year, 12, 31);
  }
  const month = Number(monthText);
  if (month < 1 || month > 12) return null;
  if (dayText) {
    const day = Number(dayText);
    const value = iso(year, month, day);
    return isIsoDay(value) ? value : null;
  }
  if (qual === '上旬') return iso(year, month, 10);
  if (qual === '中旬' || qual === '中') return iso(year, month, 20);
  if (qual && /前/.test(qual)) {
    return month === 1 ? iso(year - 1, 12, 31) : iso(year, month - 1, lastDay(year, month - 1));
  }
  return iso(year, month, lastDay(year, month));
}

function fromSerial(serial: number): DeadlineReading {
  const date = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
  if (date < DATE_WINDOW.first || date > DATE_WINDOW.last) {
    return { kind: 'unreadable', reason: outOfWindow(date) };
  }
  return { kind: 'date', date };
}

function outOfWindow(date: string): string {
  return `超出允许范围（${date}，应在${DATE_WINDOW.firstYear}至${DATE_WINDOW.lastYear}年间）`;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}
