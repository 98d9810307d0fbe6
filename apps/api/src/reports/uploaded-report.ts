import { BadRequestException } from '@nestjs/common';
import { uploadedFileName } from '../common/uploaded-file-name';

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
      message: '请在表单字段 file 中上传报告文件（.txt、.md 或 .docx）。',
    });
  }
  return { ...file, originalname: uploadedFileName(file.originalname) };
}
