import {
  BadRequestException,
  Body,
  Controller,
  ForbiddenException,
  Get,
  Header,
  Param,
  Post,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  getReport,
  getReportText,
  importReport,
  listReports,
  readErrorToApplicationError,
} from '@rectify/application';
import { extractReport, MAX_REPORT_BYTES, ReportReadError } from '@rectify/domain';
import { DataSource } from 'typeorm';
import { type CurrentUser } from '../auth/access-token';
import { AuthUser } from '../auth/current-user.decorator';
import { ImportReportDto } from './import-report.dto';

interface UploadedReport {
  originalname: string;
  buffer: Buffer;
}

// Files over the limit are cut off by multer and answered 413 before they are read.
const upload = FileInterceptor('file', { limits: { fileSize: MAX_REPORT_BYTES, files: 1 } });

function requireFile(file: UploadedReport | undefined): UploadedReport {
  if (!file) {
    throw new BadRequestException({
      code: 'FILE_MISSING',
      message: '请在表单字段 file 中上传报告文件（.txt、.md 或 .docx）。',
    });
  }
  return file;
}

@Controller('reports')
export class ReportsController {
  constructor(private readonly db: DataSource) {}

  /** Administrators import reports: the report is stored and one item per problem is created. */
  @Post()
  @UseInterceptors(upload)
  async import(
    @AuthUser() user: CurrentUser,
    @UploadedFile() file: UploadedReport | undefined,
    @Body() body: ImportReportDto,
  ) {
    if (user.role !== 'admin') {
      throw new ForbiddenException({ code: 'ADMIN_ONLY', message: '只有管理员可以导入报告：请联系管理员。' });
    }
    const { originalname, buffer } = requireFile(file);
    const result = await importReport(this.db, {
      bytes: buffer,
      fileName: originalname,
      organisationId: body.organisationId,
      year: body.year,
      importedByUserId: user.sub,
    });
    return {
      created: result.created,
      reportId: result.reportId,
      year: result.year,
      itemIds: result.itemIds,
      warnings: result.warnings,
    };
  }

  /** What the parser finds in a file, without saving anything. */
  @Post('preview')
  @UseInterceptors(upload)
  async preview(@UploadedFile() file: UploadedReport | undefined) {
    const { originalname, buffer } = requireFile(file);
    try {
      return await extractReport(buffer, originalname);
    } catch (err) {
      if (err instanceof ReportReadError) throw readErrorToApplicationError(err);
      throw err;
    }
  }

  @Get()
  list(@AuthUser() user: CurrentUser) {
    return listReports(this.db, user.sub);
  }

  @Get(':id')
  get(@AuthUser() user: CurrentUser, @Param('id') id: string) {
    return getReport(this.db, user.sub, id);
  }

  /** The stored (decoded, UTF-8) text of the report. */
  @Get(':id/text')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  async text(@AuthUser() user: CurrentUser, @Param('id') id: string) {
    const { text, sourceFileName } = await getReportText(this.db, user.sub, id);
    const name = encodeURIComponent(sourceFileName.replace(/\.[^.]+$/, '') + '.txt');
    return new StreamableFile(Buffer.from(text, 'utf8'), {
      disposition: `attachment; filename*=UTF-8''${name}`,
    });
  }
}
