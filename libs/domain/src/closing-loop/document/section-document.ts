import { type LastYearSection } from '../compose-last-year-section';
import { type ClosingDocument } from './closing-document';

/** The section ready to paste into a report: its heading, the summary, one paragraph an item. */
export function sectionDocument(section: LastYearSection): ClosingDocument {
  return {
    title: section.heading,
    blocks: [
      { kind: 'paragraph', text: section.summary },
      ...section.paragraphs.map((p) => ({ kind: 'paragraph' as const, text: p.text })),
    ],
  };
}
