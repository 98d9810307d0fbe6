/**
 * A small document model for the closing-the-loop outputs (section, summary), so Markdown,
 * plain text and Word are rendered from one source and always say the same thing.
 */
export type DocumentBlock =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][] };

export interface ClosingDocument {
  title: string;
  blocks: DocumentBlock[];
}
