import { ApplicationError } from '../errors/application-error';
import { MAX_EVIDENCE_BYTES } from './evidence-file-type';

/** At most this many evidence files (not counting deleted ones) per item. */
export const MAX_EVIDENCE_FILES_PER_ITEM = 50;

/** At most this many bytes of evidence files (not counting deleted ones) per item: 200 MB. */
export const MAX_EVIDENCE_TOTAL_BYTES_PER_ITEM = 200 * 1024 * 1024;

const MB = 1024 * 1024;

/** EVIDENCE_TOO_LARGE (413), naming the per-file limit: also what the HTTP upload limit answers. */
export function evidenceTooLargeError(sizeBytes?: number): ApplicationError {
  return new ApplicationError(
    'EVIDENCE_TOO_LARGE',
    `佐证文件不能超过 ${MAX_EVIDENCE_BYTES / MB} MB：请压缩图片或拆分文件后上传。`,
    { maxBytes: MAX_EVIDENCE_BYTES, ...(sizeBytes === undefined ? {} : { sizeBytes }) },
  );
}

/** EVIDENCE_EMPTY (422): a file of zero bytes proves nothing. */
export function evidenceEmptyError(fileName: string): ApplicationError {
  return new ApplicationError('EVIDENCE_EMPTY', '佐证文件是空的（0 字节）：请检查文件后重新上传。', {
    fileName,
  });
}

/**
 * Refuses an upload that would take the item past the per-item limits, given what its files
 * (not deleted) already hold. Throws EVIDENCE_LIMIT_REACHED (422) with both figures.
 */
export function assertWithinItemLimits(current: { files: number; bytes: number }, uploadBytes: number): void {
  if (current.files + 1 > MAX_EVIDENCE_FILES_PER_ITEM) {
    throw new ApplicationError(
      'EVIDENCE_LIMIT_REACHED',
      `每个整改事项最多上传 ${MAX_EVIDENCE_FILES_PER_ITEM} 个佐证文件，本事项已有 ${current.files} 个：请先删除不需要的文件，或将多个文件合并后上传。`,
      { limit: 'files', maxFiles: MAX_EVIDENCE_FILES_PER_ITEM, files: current.files },
    );
  }
  if (current.bytes + uploadBytes > MAX_EVIDENCE_TOTAL_BYTES_PER_ITEM) {
    const usedMb = (current.bytes / MB).toFixed(1);
    throw new ApplicationError(
      'EVIDENCE_LIMIT_REACHED',
      `每个整改事项的佐证文件合计不能超过 ${MAX_EVIDENCE_TOTAL_BYTES_PER_ITEM / MB} MB，本事项已有 ${usedMb} MB：请先删除不需要的文件，或压缩后上传。`,
      {
        limit: 'totalBytes',
        maxTotalBytes: MAX_EVIDENCE_TOTAL_BYTES_PER_ITEM,
        totalBytes: current.bytes,
        sizeBytes: uploadBytes,
      },
    );
  }
}
