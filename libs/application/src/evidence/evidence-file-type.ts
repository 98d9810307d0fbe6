/**
 * What kind of file an evidence upload is, read from its first bytes (never from its name):
 * documents and pictures a branch would file as proof of rectification.
 */
export interface EvidenceFileType {
  mimeType: string;
  label: string;
}

const startsWith = (b: Uint8Array, magic: number[]) => magic.every((x, i) => b[i] === x);

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
export const ALLOWED_EVIDENCE = 'PDF、JPEG、PNG、Word（.docx）、Excel（.xlsx）或 UTF-8 文本';

export function evidenceFileType(bytes: Uint8Array): EvidenceFileType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { mimeType: 'application/pdf', label: 'PDF' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mimeType: 'image/jpeg', label: 'JPEG' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return { mimeType: 'image/png', label: 'PNG' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 65536)).toString(
      'latin1',
    );
    if (names.includes('word/')) {
      return {
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        label: 'Word',
      };
    }
    if (names.includes('xl/')) {
      return {
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        label: 'Excel',
      };
    }
    return null;
  }
  try {
    if (bytes.includes(0)) return null;
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { mimeType: 'text/plain; charset=utf-8', label: '文本' };
  } catch {
    return null;
  }
}
