/**
 * The longest title (问题标题) an item may have, in characters (UTF-16 code units, as
 * `String.length` counts them): the report parser cuts longer headlines to it, the API refuses
 * longer titles (created items, edited details, import corrections) and the web's title fields
 * stop at it. About four lines of a list on a desktop; the rest of a long problem belongs in its
 * detail (问题描述).
 */
export const ITEM_TITLE_MAX_LENGTH = 200;

/** A title and detail as fitTitle leaves them. */
export interface FittedTitle {
  title: string;
  detail: string;
}

const CLAUSE_END = /[，,；;、。：:！!？?]/;
const LEADING_PUNCT = /^[\s,.:;、，。：；!?！？]+/;
const TRAILING_PUNCT = /[\s,.:;、，。：；!?！？]+$/;
const ELLIPSIS = '…';

/**
 * `title` unchanged when it has at most `max` characters; otherwise cut at the last clause end
 * (，；、。：…) in its second half, or at `max - 1` when there is none, marked with "…" (so the
 * result has at most `max` characters), and what was cut off put first in the detail, on a line
 * of its own, so no word of the report is lost.
 */
export function fitTitle(title: string, detail: string, max = ITEM_TITLE_MAX_LENGTH): FittedTitle {
  if (title.length <= max) return { title, detail };
  const room = max - ELLIPSIS.length;
  let cut = -1;
  for (let i = room; i >= Math.floor(room / 2); i--) {
    if (CLAUSE_END.test(title[i])) {
      cut = i;
      break;
    }
  }
  if (cut < 0) cut = isLowSurrogate(title.charCodeAt(room)) ? room - 1 : room;
  const head = title.slice(0, cut).replace(TRAILING_PUNCT, '');
  const rest = title.slice(cut).replace(LEADING_PUNCT, '').trim();
  return { title: `${head}${ELLIPSIS}`, detail: [rest, detail].filter(Boolean).join('\n') };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
