import { ITEM_TITLE_MAX_LENGTH } from '../../api/generated/vocabulary';

/**
 * Limits of one 新建整改事项 request, as the server documents them (CREATED_ITEM_LIMITS): the
 * form warns before sending; the server decides and answers in Chinese.
 */
export const CREATE_LIMITS = { maxItems: 200, maxTitleLength: ITEM_TITLE_MAX_LENGTH } as const;

/**
 * The preview of a pasted list (每行一个问题): how many problems it makes (one per non-blank
 * line, as the server counts them) and the 1-based numbers of lines longer than the title limit
 * (numbering included, so a line near the limit may still pass once its "1." is stripped).
 */
export function previewProblemLines(text: string): { count: number; tooLong: number[] } {
  const lines = text.split(/\r\n?|\n/).filter((line) => line.trim() !== '');
  const tooLong = lines.flatMap((line, i) =>
    line.trim().length > CREATE_LIMITS.maxTitleLength + 12 ? [i + 1] : [],
  );
  return { count: lines.length, tooLong };
}
