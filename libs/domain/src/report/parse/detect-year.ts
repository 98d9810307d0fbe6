import { type Segment } from './segment-report';

/**
 * The year a report covers: from its title, else from its opening (2023年，…), else the year
 * its account of work mentions most. Measures talk about next year and last-year sections
 * about last year, so neither votes.
 */
const YEAR = /(?<![\d〔[(（])((?:19|20)\d{2})\s*年/g;
const CN_YEAR = /([〇零一二][〇零一二三四五六七八九]{3})\s*年/g;
const CN_DIGIT: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

export function yearsIn(text: string): number[] {
  const years: number[] = [];
  for (const m of text.matchAll(YEAR)) years.push(Number(m[1]));
  for (const m of text.matchAll(CN_YEAR)) {
    const y = Number([...m[1]].map((c) => CN_DIGIT[c] ?? '').join(''));
    if (y >= 1990 && y <= 2100) years.push(y);
  }
  return years.filter((y) => y >= 1990 && y <= 2100);
}

const OPENING_YEAR =
  /^(?:[^。\d]{0,12}[,，])?(?:在|过去的|刚刚过去的|回顾)?((?:19|20)\d{2})\s*年(?:度)?(?:以来|来|[,，]|是|里|中|上半年|全年|一年)/;

export function detectYear(title: string | null, openingLines: string[], segments: Segment[]): number | null {
  if (title) {
    const fromTitle = yearsIn(title);
    if (fromTitle.length > 0) return fromTitle[0];
  }
  for (const line of openingLines) {
    // 2023年，… / 在2022年里 / 总的来看，在2022年里，… (a short lead clause before it).
    const m = OPENING_YEAR.exec(line);
    if (m) return Number(m[1]);
    const ordinal = /^([〇零一二][〇零一二三四五六七八九]{3})\s*年/.exec(line);
    if (ordinal) return yearsIn(ordinal[0])[0] ?? null;
  }
  // The account of last year's problems tells what was done this year, so it votes only when
  // nothing else mentions a year.
  return (
    mostMentioned(segments.filter((s) => s.kind === 'performance' || s.kind === 'other')) ??
    mostMentioned(segments.filter((s) => s.kind === 'last_year_rectification'))
  );
}

// 2019年换届后 / 2018年以前: an event in the past, not the year the report covers.
const PAST_EVENT =
  /(?:19|20)\d{2}\s*年(?:度)?(?:\d{1,2}月(?:份)?)?(?:换届|以前|之前|以后|前|后|起|开始|至今)/g;

function mostMentioned(segments: Segment[]): number | null {
  const votes = new Map<number, number>();
  for (const seg of segments) {
    for (const line of seg.lines) {
      for (const y of yearsIn(line.key.replace(PAST_EVENT, ''))) votes.set(y, (votes.get(y) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  for (const [y, n] of votes) {
    if (best === null || n > (votes.get(best) ?? 0) || (n === votes.get(best) && y > best)) best = y;
  }
  return best;
}
