import { ITEM_SOURCES } from '@rectify/domain';
import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  Param,
  Post,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  GetReportTextUseCase,
  GetReportUseCase,
  ImportReportUseCase,
  ListReportsUseCase,
  RemoveImportUseCase,
  readReportOffThread,
} from '@rectify/application';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
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
import {
  ImportReportResponse,
  ReportDetailResponse,
  ReportListEntryResponse,
  ReportPreviewResponse,
  ReportRemovedResponse,
} from './report.response';

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
              enum: [...ITEM_SOURCES],
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
  constructor(
    private readonly listReports: ListReportsUseCase,
    private readonly getReport: GetReportUseCase,
    private readonly getReportText: GetReportTextUseCase,
    private readonly importReports: ImportReportUseCase,
    private readonly removeImport: RemoveImportUseCase,
  ) {}

  /** Administrators import reports: the report is stored and one item per problem is created. */
  @ApiOperation({
    operationId: 'importReport',
    summary: '管理员上传报告并导入：每个问题建立一个整改事项；同一文件重复上传不重复建立',
  })
  @ApiCreatedResponse({ type: ImportReportResponse })
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
    const { originalname, buffer } = requireReportFile(file);
    const result = await this.importReports.execute({
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
      items: result.items,
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
  @ApiOperation({
    operationId: 'previewReport',
    summary: '预览报告的提取结果（含读取到的正文 text 与文件格式 format），不保存',
  })
  @ApiCreatedResponse({ type: ReportPreviewResponse })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: uploadSchema(false) })
  @ApiErrors(400, 413, 415, 422)
  @Post('preview')
  @UseInterceptors(upload)
  async preview(@UploadedFile() file: UploadedReport | undefined) {
    const { originalname, buffer } = requireReportFile(file);
    const read = await readReportOffThread(buffer, originalname, { clean: false });
    return { ...read.extraction, format: read.format, text: read.text, tables: read.tables };
  }

  @ApiOperation({ operationId: 'listReports', summary: '本人管理范围内的报告' })
  @ApiOkResponse({ type: [ReportListEntryResponse] })
  @ApiErrors()
  @Get()
  list(@AuthUser() user: CurrentUser) {
    return this.listReports.execute({ userId: user.sub });
  }

  @ApiOperation({ operationId: 'getReport', summary: '报告及其提取结果' })
  @ApiOkResponse({ type: ReportDetailResponse })
  @ApiErrors(404)
  @Get(':id')
  get(@AuthUser() user: CurrentUser, @Param('id') id: string) {
    return this.getReport.execute({ userId: user.sub, reportId: id });
  }

  /** A mistaken import nobody has worked on yet goes with all its items (删除导入). */
  @ApiOperation({
    operationId: 'removeReport',
    summary:
      '删除导入（管理员）：删除报告及其建立的全部整改事项；已有事项开始办理（措施、进展、修改、撤销、佐证）时拒绝（409 REPORT_IN_USE）',
  })
  @ApiOkResponse({ type: ReportRemovedResponse })
  @ApiErrors(403, 404, 409)
  @Delete(':id')
  remove(@AuthUser() user: CurrentUser, @Param('id') id: string): Promise<ReportRemovedResponse> {
    return this.removeImport.execute({ userId: user.sub, reportId: id });
  }

  /** The stored (decoded, UTF-8) text of the report. */
  @ApiOperation({ operationId: 'getReportText', summary: '下载报告正文（UTF-8 文本）' })
  @ApiOkResponse({
    description: '报告正文（UTF-8 文本），作为下载文件（Content-Disposition 给出文件名）',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  @ApiProduces('text/plain')
  @ApiErrors(404)
  @Get(':id/text')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  async text(@AuthUser() user: CurrentUser, @Param('id') id: string) {
    const { text, sourceFileName } = await this.getReportText.execute({ userId: user.sub, reportId: id });
    const name = encodeURIComponent(sourceFileName.replace(/\.[^.]+$/, '') + '.txt');
    return new StreamableFile(Buffer.from(text, 'utf8'), {
      disposition: `attachment; filename*=UTF-8''${name}`,
    });
  }
}
