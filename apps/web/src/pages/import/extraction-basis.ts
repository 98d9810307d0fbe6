/**
 * Why the parser took a problem or measure, and how sure it is, as the preview shows them:
 * a copy of ExtractionBasis (libs/domain/src/report/extraction-result.ts) and of
 * EXTRACTION_BASIS_LABELS and DOUBTFUL_BELOW (libs/domain/src/report/parse/confidence.ts),
 * because the web app cannot import the domain; the typed API contract will replace it.
 */
export type ExtractionBasis =
  | 'table_row'
  | 'numbered_item'
  | 'inline_enumeration'
  | 'lead_in_sentence'
  | 'separated_clauses'
  | 'paragraph';

export const BASIS_LABELS: Record<ExtractionBasis, string> = {
  table_row: '表格行',
  numbered_item: '编号条目',
  inline_enumeration: '列举（一是…）',
  lead_in_sentence: '引导句后',
  separated_clauses: '分句',
  paragraph: '段落',
};

/** Below this confidence (0..1) an item is marked 待核对 and listed first. */
export const DOUBTFUL_BELOW = 0.7;

/** Results of older parsers carry neither; such an item is not doubtful. */
export interface Judged {
  basis?: string;
  confidence?: number;
}

export const isDoubtful = (item: Judged): boolean =>
  typeof item.confidence === 'number' && item.confidence < DOUBTFUL_BELOW;

export const basisLabel = (item: Judged): string | null =>
  item.basis && item.basis in BASIS_LABELS ? BASIS_LABELS[item.basis as ExtractionBasis] : null;

/** Doubtful items first, otherwise in their order (the sort is stable); the input is not changed. */
export function doubtfulFirst<T extends Judged>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => Number(isDoubtful(b)) - Number(isDoubtful(a)));
}
