import { BadRequestException } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { MAX_REPORT_BYTES, SUPPORTED_REPORT_FORMATS } from '@rectify/domain';
import { uploadedFileName } from '../common/uploaded-file-name';

/**
 * multer's limits for a report upload: one file of at most MAX_REPORT_BYTES (else 413, read no
 * further), and a handful of small text fields (organisationId, year, source, corrections of at
 * most 20,000 characters), so a form cannot fill memory with fields (multer allows unlimited
 * fields of 1 MB each by default). Past them: 400.
 */
export const REPORT_UPLOAD_LIMITS = {
  fileSize: MAX_REPORT_BYTES,
  files: 1,
  fields: 10,
  fieldSize: 100 * 1024,
  parts: 11,
} as const;

/** The OpenAPI description of the `file` field of every report upload. */
export const REPORT_FILE_DESCRIPTION =
  '报告文件：Word（.docx、.doc）、WPS（.wps）、有文字层的 PDF、文本（.txt / .md，UTF-8 或 GBK）、问题清单表格（.xlsx、.csv），不超过 10 MB';

/** The interceptor of every route that takes a report file (preview, import, reconcile). */
export const ReportUpload = () => FileInterceptor('file', { limits: REPORT_UPLOAD_LIMITS });

/** A report file as multer hands it over. */
export interface UploadedReport {
  originalname: string;
  buffer: Buffer;
}

/** The uploaded report, with its name decoded; a clear 400 when the form has no file. */
export function requireReportFile(file: UploadedReport | undefined): UploadedReport {
  if (!file) {
    throw new BadRequestException({
      code: 'FILE_MISSING',
      message: `请在表单字段 file 中上传报告文件（${SUPPORTED_REPORT_FORMATS}）。`,
    });
  }
  return { ...file, originalname: uploadedFileName(file.originalname) };
}
