import {
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
import {
  getReport,
  getReportText,
  importReport,
  listReports,
  readReportOffThread,
} from '@rectify/application';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { type CurrentUser } from '../auth/access-token';
import { AuthUser } from '../auth/current-user.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import {
  REPORT_FILE_DESCRIPTION,
  ReportUpload,
  requireReportFile,
  type UploadedReport,
} from './uploaded-report';
import { ImportReportDto } from './import-report.dto';
import { parseCorrections } from './parse-corrections';

// Files over the limit are cut off by multer and answered 413 before they are read.
const upload = ReportUpload();

function uploadSchema(withOrganisation: boolean) {
  return {
    type: 'object',
    required: withOrganisation ? ['file', 'organisationId'] : ['file'],
    properties: {
      file: {
        type: 'string',
        format: 'binary',
        description: REPORT_FILE_DESCRIPTION,
      },
      ...(withOrganisation
        ? {
            organisationId: { type: 'string', format: 'uuid' },
            year: { type: 'integer', example: 2023 },
            source: {
              type: 'string',
              enum: ['self_inspection', 'superior_review', 'public_appraisal', 'inspection_tour'],
              description: '问题来源（默认自身查摆）',
            },
            corrections: {
              type: 'string',
              description: '预览后的更正（JSON）：{"dropProblemSeqs":[2],"titles":{"1":"更正后的标题"}}',
            },
          }
        : {}),
    },
  };
}

@ApiTags('reports 报告')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly db: DataSource) {}

  /** Administrators import reports: the report is stored and one item per problem is created. */
  @ApiOperation({ summary: '管理员上传报告并导入：每个问题建立一个整改事项；同一文件重复上传不重复建立' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: uploadSchema(true) })
  @ApiErrors(400, 403, 404, 413, 415, 422)
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
    const { originalname, buffer } = requireReportFile(file);
    const result = await importReport(this.db, {
      bytes: buffer,
      fileName: originalname,
      organisationId: body.organisationId,
      year: body.year,
      source: body.source,
      corrections: parseCorrections(body.corrections),
      importedByUserId: user.sub,
    });
    return {
      created: result.created,
      reportId: result.reportId,
      year: result.year,
      itemIds: result.itemIds,
      warnings: result.warnings,
      recurring: result.recurring,
      reconciliation: result.reconciliation,
    };
  }

  /**
   * What the parser finds in a file, without saving anything, with the text it read (`text`,
   * one paragraph per line, also for .doc/.pdf) and the format it recognised (`format`). Read
   * in a worker thread under the import's limits (IMPORT_LIMITS), so a preview predicts the import.
   */
  @ApiOperation({ summary: '预览报告的提取结果（含读取到的正文 text 与文件格式 format），不保存' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: uploadSchema(false) })
  @ApiErrors(400, 413, 415, 422)
  @Post('preview')
  @UseInterceptors(upload)
  async preview(@UploadedFile() file: UploadedReport | undefined) {
    const { originalname, buffer } = requireReportFile(file);
    const read = await readReportOffThread(buffer, originalname, { clean: false });
    return { ...read.extraction, format: read.format, text: read.text };
  }

  @ApiOperation({ summary: '本人管理范围内的报告' })
  @ApiErrors()
  @Get()
  list(@AuthUser() user: CurrentUser) {
    return listReports(this.db, user.sub);
  }

  @ApiOperation({ summary: '报告及其提取结果' })
  @ApiErrors(404)
  @Get(':id')
  get(@AuthUser() user: CurrentUser, @Param('id') id: string) {
    return getReport(this.db, user.sub, id);
  }

  /** The stored (decoded, UTF-8) text of the report. */
  @ApiOperation({ summary: '下载报告正文（UTF-8 文本）' })
  @ApiProduces('text/plain')
  @ApiErrors(404)
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
