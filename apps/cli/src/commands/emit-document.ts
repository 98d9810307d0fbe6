import { renderDocx } from '@rectify/application';
import { type ClosingDocument, renderMarkdown, renderPlainText } from '@rectify/domain';
import { emit } from './output';
import { type DocumentFormat, writeOutputFile } from './write-output-file';

export interface DocumentOutput {
  document: ClosingDocument;
  /** What --json prints instead of the document. */
  data: unknown;
  json: boolean;
  format: DocumentFormat;
  outFile: string | undefined;
  /** The line printed once the file is written, e.g. "共 5 个问题". */
  written: string;
}

/** Prints a generated document (text or Markdown), writes it to --out (also Word), or prints --json. */
export async function emitDocument(out: (s: string) => void, o: DocumentOutput): Promise<void> {
  if (o.json) {
    emit(out, true, o.data, () => '');
    return;
  }
  const content =
    o.format === 'docx'
      ? await renderDocx([o.document])
      : o.format === 'md'
        ? renderMarkdown(o.document)
        : renderPlainText(o.document);
  if (!o.outFile) {
    out(content as string);
    return;
  }
  writeOutputFile(o.outFile, content);
  out(`已写入 ${o.outFile}：${o.written}。\n`);
}
