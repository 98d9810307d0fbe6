import { normalizeForMatching } from '../../text/normalize-for-matching';

/**
 * Splits an item into its headline clause and the rest: `理论学习不充分。没有处理好…` gives
 * title `理论学习不充分`. A long first sentence is cut at its first comma, because an item
 * written as one long sentence usually states the problem in its first clause.
 */
export interface Headline {
  title: string;
  detail: string;
}

const MAX_TITLE = 45;
const LEADING_PUNCT = /^[\s,.:;、，。：；!?！？]+/;
const TRAILING_PUNCT = /[\s,.:;、，。：；!?！？]+$/;

export function splitHeadline(text: string, boldLead: string | null = null): Headline {
  const clean = text.replace(LEADING_PUNCT, '');
  if (boldLead) {
    const bold = boldLead.replace(TRAILING_PUNCT, '');
    if (bold.length >= 2 && clean.startsWith(bold)) {
      return { title: bold, detail: clean.slice(bold.length).replace(LEADING_PUNCT, '').trim() };
    }
  }
  const key = normalizeForMatching(clean);
  const sentenceEnd = firstIndexOf(key, /[。!?;:]/);
  let cut = sentenceEnd < 0 ? key.length : sentenceEnd;
  if (cut > MAX_TITLE) {
    const comma = firstIndexOf(key.slice(0, cut), /[,]/);
    if (comma >= 4) cut = comma;
  }
  const title = clean.slice(0, cut).replace(TRAILING_PUNCT, '').trim();
  const detail = clean.slice(cut).replace(LEADING_PUNCT, '').trim();
  return { title, detail };
}

function firstIndexOf(s: string, re: RegExp): number {
  const m = re.exec(s);
  return m ? m.index : -1;
}

export function trimPunctuation(text: string): string {
  return text.replace(LEADING_PUNCT, '').replace(TRAILING_PUNCT, '').trim();
}
