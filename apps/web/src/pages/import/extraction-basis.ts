/**
 * Why the parser took a problem or measure, and how sure it is, as the preview shows them; the
 * bases, their labels and the doubt threshold come from the server's vocabulary.
 */
import {
  DOUBTFUL_BELOW,
  EXTRACTION_BASIS_LABELS,
  type ExtractionBasis,
} from '../../api/generated/vocabulary';

/** Why and how surely an item was taken; results of older parsers carry neither (not doubtful). */
export type Judged = { basis?: string; confidence?: number };

export const isDoubtful = (item: Judged): boolean =>
  typeof item.confidence === 'number' && item.confidence < DOUBTFUL_BELOW;

export const basisLabel = (item: Judged): string | null =>
  item.basis && item.basis in EXTRACTION_BASIS_LABELS
    ? EXTRACTION_BASIS_LABELS[item.basis as ExtractionBasis]
    : null;

/** Doubtful items first, otherwise in their order (the sort is stable); the input is not changed. */
export function doubtfulFirst<T extends Judged>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => Number(isDoubtful(b)) - Number(isDoubtful(a)));
}
