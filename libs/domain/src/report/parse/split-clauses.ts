import { normalizeForMatching } from '../../text/normalize-for-matching';

/**
 * Problems written as one sentence after a lead-in: 存在的问题：如支部学习计划执行不够严格；青年
 * 职工入党积极性不高；…。 or 主要不足：学习不够系统。阵地使用率低。 The lead-in must introduce
 * (问题 / 不足 / 表现 / 如下 …, or the first clause opens with 如 / 比如), so that a problem written
 * as headline: detail；detail stays one problem.
 */
export interface LeadInClauses {
  /** Text before the clauses, including the colon. */
  lead: string;
  clauses: string[];
  /** Sentences after the enumeration that are not a closing remark; they belong to the last clause. */
  after: string;
}

const INTRODUCING =
  /问题|不足|差距|短板|弱项|表现|如下|以下|几个方面|几点|主要有|主要是|整改措施|措施有|提出|打算|计划/;
const EXAMPLE_OPENING = /^(?:如|比如|例如|譬如|诸如)[,:]?/;
const CLOSING_SENTENCE =
  /^(?:这些|以上|上述|对此|对于?(?:这些|以上|上述)|针对(?:这些|以上|上述))(?:问题|不足|差距)?/;
/** A sentence longer than this is prose, not one item of a list written as sentences. */
const MAX_SENTENCE_ITEM = 40;

export function splitLeadInClauses(text: string): LeadInClauses | null {
  const key = normalizeForMatching(text);
  const colon = key.indexOf(':');
  if (colon < 0 || colon > 80) return null;
  const lead = key.slice(0, colon);
  const bodyStart = colon + 1;
  if (!INTRODUCING.test(lead) && !EXAMPLE_OPENING.test(key.slice(bodyStart))) return null;

  const bySemicolon = cutAt(key, bodyStart, ';');
  const parts = bySemicolon ?? cutSentences(key, bodyStart);
  if (!parts) return null;
  const clauses = parts.ranges
    .map(([s, e], i) => {
      let t = text.slice(s, e).trim();
      if (i === 0) t = t.slice((EXAMPLE_OPENING.exec(normalizeForMatching(t))?.[0] ?? '').length);
      return t.replace(/^[\s,，]+|[\s;；。，,]+$/g, '');
    })
    .filter((c) => c.length > 0);
  if (clauses.length < 2) return null;
  const rest = text.slice(parts.end).trim();
  const after = CLOSING_SENTENCE.test(normalizeForMatching(rest)) ? '' : rest;
  return { lead: text.slice(0, bodyStart), clauses, after };
}

interface Cut {
  ranges: [number, number][];
  /** Where the enumeration ends in the text. */
  end: number;
}

/** A;B;C。 → the clauses of the sentence that follows the lead-in. */
function cutAt(key: string, from: number, sep: string): Cut | null {
  const stop = key.indexOf('。', from);
  const end = stop < 0 ? key.length : stop + 1;
  const ranges: [number, number][] = [];
  let start = from;
  for (let i = from; i < end; i++) {
    if (key[i] === sep) {
      ranges.push([start, i]);
      start = i + 1;
    }
  }
  ranges.push([start, end]);
  return ranges.length >= 2 ? { ranges, end } : null;
}

/** A。B。C。 where every sentence is short: each sentence an item. */
function cutSentences(key: string, from: number): Cut | null {
  const ranges: [number, number][] = [];
  let start = from;
  for (let i = from; i < key.length; i++) {
    if (key[i] !== '。') continue;
    ranges.push([start, i + 1]);
    start = i + 1;
  }
  if (start < key.length && key.slice(start).trim()) ranges.push([start, key.length]);
  const items = ranges.filter(([s]) => !CLOSING_SENTENCE.test(key.slice(s).trim()));
  if (items.length < 2 || items.some(([s, e]) => e - s > MAX_SENTENCE_ITEM)) return null;
  return { ranges: items, end: items[items.length - 1][1] };
}
