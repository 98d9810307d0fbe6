import { toReportLines, lineBody } from '../report/parse/report-line';
import { cleanText } from '../text/clean-text';
import { ITEM_TITLE_MAX_LENGTH } from './item-title';

/**
 * Limits of items created by hand (上级点评、巡视巡察、群众评议 …), from a form or a pasted list:
 * at most `maxItems` problems in one request, a title of 1 to `maxTitleLength` characters, a
 * detail of at most `maxDetailLength`. Larger lists come from a report import instead.
 */
export const CREATED_ITEM_LIMITS = {
  maxItems: 200,
  maxTitleLength: ITEM_TITLE_MAX_LENGTH,
  maxDetailLength: 5000,
} as const;

/**
 * The problems of a pasted list (每行一个问题), in order: one per non-blank line, with a leading
 * numbering (`1.` `2、` `（一）` `一、` `①` `- ` …, the report parser's list markers) and the
 * spaces around it removed, and characters XML forbids cleaned out. A line that is nothing but
 * a number stays as written (the parser only strips a marker followed by text).
 */
export function splitProblemList(text: string): string[] {
  return toReportLines(cleanText(text.replace(/\r\n?/g, '\n')))
    .map((line) => lineBody(line).trim())
    .filter((title) => title.length > 0);
}
