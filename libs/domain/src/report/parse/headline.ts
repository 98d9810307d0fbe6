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

// A first clause that only sets the scene (在学习方面，/ 对照要求，) is not the headline.
const SCENE_SETTING =
  /^(?:\d{4}年度?|今年|明年|下一步|下步|今后|新的一年|在新的一年里?)$|^(?:从|由于|虽然|尽管|作为|对照|按照|根据|随着|面对|针对|结合|围绕|同时)|(?:方面|上|中|来看|而言|看|时|后|以来)$|^以.{1,24}为(?:重点|抓手|载体|契机|引领|统领|目标|核心|主线)$/;

/**
 * `firstClause`: problems are named by their first clause (党员管理还存在盲区和漏洞，…), while a
 * measure keeps its whole first sentence when it is short.
 */
export function splitHeadline(text: string, boldLead: string | null = null, firstClause = false): Headline {
  const clean = text.replace(LEADING_PUNCT, '');
  if (boldLead) {
    const bold = boldLead.replace(TRAILING_PUNCT, '');
    if (bold.length >= 2 && clean.startsWith(bold)) {
      return { title: bold, detail: clean.slice(bold.length).replace(LEADING_PUNCT, '').trim() };
    }
  }
  const key = normalizeForMatching(clean);
  const sentenceEnd = firstIndexOf(key, /[。!?;:\n]/);
  let cut = sentenceEnd < 0 ? key.length : sentenceEnd;
  if (firstClause || cut > MAX_TITLE) cut = headlineClauseEnd(key, cut);
  if (firstClause) cut = shortfallEnd(key, cut);
  let title = clean.slice(0, cut).replace(TRAILING_PUNCT, '').trim();
  // 理论学习不够深入的问题 names the problem 理论学习不够深入.
  if (firstClause && /.{4,}的问题$/.test(title)) title = title.slice(0, -3);
  const detail = clean.slice(cut).replace(LEADING_PUNCT, '').trim();
  return { title, detail };
}

// 党员发展工作滞后近两年只发展1名: a headline written without a comma ends at the word that
// names the shortfall, not where the sentence does.
const RUN_ON_AFTER = 12;
const SHORTFALL_WORD =
  /(?:滞后|落后|薄弱|老化|不足(?![\d一二三四五六七八九十以])|欠缺|不到位|不规范|不及时|不健全|不完善|不平衡)(?![的地得和与及、等之于方面])(?=[\u4e00-\u9fff])/g;

function shortfallEnd(key: string, limit: number): number {
  if (limit <= RUN_ON_AFTER) return limit;
  SHORTFALL_WORD.lastIndex = 0;
  for (const m of key.slice(0, limit).matchAll(SHORTFALL_WORD)) {
    const end = (m.index ?? 0) + m[0].length;
    if (m.index >= 4 && limit - end >= 4) return end;
  }
  return limit;
}

/** End of the first comma clause that states something, or `limit` when there is none. */
function headlineClauseEnd(key: string, limit: number): number {
  let start = 0;
  for (let i = 0; i < limit; i++) {
    if (key[i] !== ',') continue;
    const clause = key.slice(start, i);
    if (i >= 4 && !SCENE_SETTING.test(clause)) return i;
    start = i + 1;
  }
  return limit;
}

function firstIndexOf(s: string, re: RegExp): number {
  const m = re.exec(s);
  return m ? m.index : -1;
}

export function trimPunctuation(text: string): string {
  return text.replace(LEADING_PUNCT, '').replace(TRAILING_PUNCT, '').trim();
}
