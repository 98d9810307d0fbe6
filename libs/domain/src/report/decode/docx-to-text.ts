import { readDocx } from './docx/read-docx';

/**
 * All the text of a .docx as Word shows it, one paragraph per line: numbering labels in front
 * of their paragraphs, soft line breaks as line breaks, text boxes after the paragraph they
 * are anchored in, and every table (问题清单 included) row by row, each cell's paragraphs as
 * their own lines. For a report, `readDocx` (docx/read-docx.ts) keeps 问题清单 tables as rows
 * instead; limits and errors are the same (ReportReadError: UNSUPPORTED_FILE_TYPE,
 * DOCX_LIMIT_EXCEEDED, DOCX_UNREADABLE).
 */
export async function docxToText(bytes: Uint8Array, fileName = ''): Promise<string> {
  return (await readDocx(bytes, fileName, { separateProblemTables: false })).text;
}
