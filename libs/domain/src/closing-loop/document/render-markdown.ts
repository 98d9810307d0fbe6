import { type ClosingDocument } from './closing-document';

/** Markdown: `#` headings, paragraphs, pipe tables (cells escaped). */
export function renderMarkdown(doc: ClosingDocument): string {
  const out = [`# ${doc.title}`];
  for (const block of doc.blocks) {
    if (block.kind === 'heading') out.push(`${'#'.repeat(block.level + 1)} ${block.text}`);
    else if (block.kind === 'paragraph') out.push(block.text);
    else {
      out.push([row(block.header), row(block.header.map(() => '---')), ...block.rows.map(row)].join('\n'));
    }
  }
  return `${out.join('\n\n')}\n`;
}

function row(cells: string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`;
}

/** Plain text: one line a heading or paragraph; table rows as 「cell，cell」 lines. */
export function renderPlainText(doc: ClosingDocument): string {
  const out = [doc.title];
  for (const block of doc.blocks) {
    if (block.kind === 'heading' || block.kind === 'paragraph') out.push(block.text);
    else for (const r of block.rows) out.push(block.header.map((h, i) => `${h}：${r[i]}`).join('；'));
  }
  return `${out.join('\n')}\n`;
}
