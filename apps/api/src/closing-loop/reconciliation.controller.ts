import { Body, Controller, Get, HttpCode, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReconcileReportFileUseCase, ReconcileStoredReportUseCase } from '@rectify/application';
import { type CurrentUser } from '../auth/access-token';
import { AuthUser } from '../auth/current-user.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import {
  REPORT_FILE_DESCRIPTION,
  ReportUpload,
  requireReportFile,
  type UploadedReport,
} from '../reports/uploaded-report';
import { ReconcileReportDto } from '../reports/import-report.dto';
import { ReconcileResultResponse } from './reconciliation.response';

const upload = ReportUpload();

/**
 * Checks a next-year report against the tracked items: its 上年度整改情况 against last year's
 * items (agreeing, disagreeing, left out, unknown) and its problems against earlier years'.
 */
@ApiTags('closing-loop 整改闭环')
@ApiBearerAuth()
@Controller('reports')
export class ReconciliationController {
  constructor(
    private readonly reconcileReportFile: ReconcileReportFileUseCase,
    private readonly reconcileStoredReport: ReconcileStoredReportUseCase,
  ) {}

  @ApiOperation({
    operationId: 'reconcileReportFile',
    summary: '上传新报告核对上年度整改情况并查找反复出现的问题（不导入、不保存）',
  })
  @ApiOkResponse({ type: ReconcileResultResponse })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'organisationId'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: REPORT_FILE_DESCRIPTION,
        },
        organisationId: { type: 'string', format: 'uuid' },
        year: { type: 'integer', example: 2024, description: '报告年度（覆盖自动识别）' },
      },
    },
  })
  @ApiErrors(400, 404, 413, 415, 422)
  @Post('reconcile')
  @HttpCode(200) // checks only: nothing is created
  @UseInterceptors(upload)
  reconcileFile(
    @AuthUser() user: CurrentUser,
    @UploadedFile() file: UploadedReport | undefined,
    @Body() body: ReconcileReportDto,
  ) {
    const { originalname, buffer } = requireReportFile(file);
    return this.reconcileReportFile.execute({
      bytes: buffer,
      fileName: originalname,
      organisationId: body.organisationId,
      year: body.year,
      viewerUserId: user.sub,
    });
  }

  @ApiOperation({ operationId: 'getReportReconciliation', summary: '已导入报告的上年度整改情况核对结果' })
  @ApiOkResponse({ type: ReconcileResultResponse })
  @ApiErrors(400, 404)
  @Get(':id/reconciliation')
  reconcileStored(@AuthUser() user: CurrentUser, @Param('id') id: string) {
    return this.reconcileStoredReport.execute({ reportId: id, viewerUserId: user.sub });
  }
}
