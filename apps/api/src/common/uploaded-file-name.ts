/**
 * Multipart file names arrive decoded as Latin-1 (busboy's default), so 照片.png reads as
 * ç…§ç‰‡.png. Re-read the bytes as UTF-8 when they form valid UTF-8.
 */
export function uploadedFileName(raw: string): string {
  const bytes = Buffer.from(raw, 'latin1');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return raw;
  }
}
