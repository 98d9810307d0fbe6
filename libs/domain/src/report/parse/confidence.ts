import { normalizeForMatching } from '../../text/normalize-for-matching';
import { type ExtractionBasis } from '../extraction-result';

/**
 * How sure the parser is of one problem or measure, 0..1: where it was found sets a base (a
 * table row or a numbered item is rarely wrong, one paragraph of a section often is), and its
 * headline's wording moves it (a problem that says what is lacking, a measure that says what
 * will be done). The import preview lists items under 0.7 first (DOUBTFUL_BELOW).
 */
export const DOUBTFUL_BELOW = 0.7;

/** Why an item was taken, in a word, as the CLI summary and the import preview say it. */
export const EXTRACTION_BASIS_LABELS: Readonly<Record<ExtractionBasis, string>> = {
  table_row: '表格行',
  numbered_item: '编号条目',
  inline_enumeration: '列举（一是…）',
  lead_in_sentence: '引导句后',
  separated_clauses: '分句',
  paragraph: '段落',
};

const BASE: Record<ExtractionBasis, number> = {
  table_row: 0.95,
  numbered_item: 0.9,
  inline_enumeration: 0.85,
  lead_in_sentence: 0.8,
  separated_clauses: 0.75,
  paragraph: 0.65,
};

// Words that say something is lacking: 不够 不足 不强 缺乏 滞后 偏少 老化 …
export const SHORTFALL =
  /不够|不足|不强|不高|不深|不细|不实|不严|不力|不到位|不规范|不及时|不完善|不健全|不平衡|不充分|不明显|不紧密?|不多|不够|缺乏|欠缺|缺少|缺位|滞后|落后|薄弱|单一|老化|偏少|偏低|偏弱|较少|较弱|较低|有待|还需|仍需|亟待|不经常|流于形式|走过场|松散|松懈|随意|淡化|弱化|虚化|边缘化|问题|短板|差距|盲区|漏洞|隐患|两张皮/;
// Words of action or intent: 加强 建立 完善 落实 制定 每月 …
const ACTION =
  /加强|强化|建立|健全|完善|落实|制定|推进|推动|开展|组织|坚持|严格|规范|提升|提高|抓好|抓实|做好|深化|狠抓|确保|把|将|每[月季年周学]|定期|年底前|月底前|前完成|不少于|至少/;

function clamp(n: number): number {
  return Math.round(Math.min(1, Math.max(0.05, n)) * 100) / 100;
}

/** Confidence of a problem (`title`: its headline) taken on `basis`. */
export function problemConfidence(basis: ExtractionBasis, title: string): number {
  const key = normalizeForMatching(title);
  let c = BASE[basis];
  if (!SHORTFALL.test(key)) c -= 0.2;
  if (key.length > 40) c -= 0.1;
  if (key.length < 6) c -= 0.1;
  return clamp(c);
}

/** Confidence of a measure (`title`: its headline) taken on `basis`. */
export function measureConfidence(basis: ExtractionBasis, title: string): number {
  const key = normalizeForMatching(title);
  let c = BASE[basis];
  if (!ACTION.test(key)) c -= 0.15;
  if (key.length > 60) c -= 0.1;
  return clamp(c);
}
