import { Controller, Get, Logger, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  BuildLedgerUseCase,
  ExportLedgerUseCase,
  GenerateLastYearSectionUseCase,
  OverdueTrendUseCase,
  renderDocx,
  SummariseOrganisationUseCase,
  writeLedgerXlsx,
} from '@rectify/application';
import {
  type ClosingDocument,
  LEDGER_COLUMNS,
  ledgerDocument,
  renderMarkdown,
  renderPlainText,
} from '@rectify/domain';
import { type CurrentUser } from '../auth/access-token';
import { AuthUser } from '../auth/current-user.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import {
  type DocumentFormat,
  LedgerQueryDto,
  OverdueTrendQueryDto,
  SectionQueryDto,
  SummaryQueryDto,
} from './closing-loop-query.dto';
import { DOCX_TYPE, download, streamedDownload, XLSX_TYPE } from './download';
import {
  ApiClosingDocumentResponse,
  LastYearSectionResponse,
  LedgerResponse,
  OverdueTrendResponse,
  RectificationSummaryResponse,
} from './closing-loop.response';

/**
 * Closing the loop for one organisation: the 上年度整改情况 of its next report, a supervisor's
 * summary and the ledger (整改台账), as JSON or as files ready to file or paste.
 */
@ApiTags('closing-loop 整改闭环')
@ApiBearerAuth()
@ApiParam({ name: 'id', format: 'uuid', description: '党组织编号' })
@Controller('organisations/:id')
export class ClosingLoopController {
  private readonly logger = new Logger('ClosingLoop');

  constructor(
    private readonly generateSection: GenerateLastYearSectionUseCase,
    private readonly summarise: SummariseOrganisationUseCase,
    private readonly buildLedger: BuildLedgerUseCase,
    private readonly exportLedger: ExportLedgerUseCase,
    private readonly trend: OverdueTrendUseCase,
  ) {}

  @ApiOperation({
    operationId: 'getLastYearSection',
    summary: '生成该组织某年度报告的"上年度整改情况"（json / text / md / docx）',
  })
  @ApiClosingDocumentResponse(LastYearSectionResponse, ['text', 'md', 'docx'])
  @ApiProduces('application/json', 'text/plain', 'text/markdown', DOCX_TYPE)
  @ApiErrors(400, 404)
  @Get('section')
  async section(@AuthUser() user: CurrentUser, @Param('id') id: string, @Query() query: SectionQueryDto) {
    const result = await this.generateSection.execute({
      organisationId: id,
      viewerUserId: user.sub,
      reportYear: query.year,
      asOf: query.asOf,
    });
    if (query.format === 'json') return { organisation: result.organisation, ...result.section };
    return documentDownload(
      result.document,
      query.format,
      `${result.organisation.name}${query.year}年度上年度整改情况`,
    );
  }

  @ApiOperation({
    operationId: 'getOrganisationSummary',
    summary: '该组织及下级组织某年度查摆问题的整改情况汇总（json / text / md / docx）',
  })
  @ApiClosingDocumentResponse(RectificationSummaryResponse, ['text', 'md', 'docx'])
  @ApiProduces('application/json', 'text/plain', 'text/markdown', DOCX_TYPE)
  @ApiErrors(400, 404)
  @Get('summary')
  async summary(@AuthUser() user: CurrentUser, @Param('id') id: string, @Query() query: SummaryQueryDto) {
    const result = await this.summarise.execute({
      organisationId: id,
      viewerUserId: user.sub,
      problemYear: query.year,
      asOf: query.asOf,
    });
    if (query.format === 'json') return result.summary;
    return documentDownload(result.document, query.format, result.document.title);
  }

  @ApiOperation({
    operationId: 'getLedger',
    summary: '该组织及下级组织某年度查摆问题整改台账（json / md / xlsx）',
  })
  @ApiClosingDocumentResponse(LedgerResponse, ['md', 'xlsx'])
  @ApiProduces('application/json', 'text/markdown', XLSX_TYPE)
  @ApiErrors(400, 404)
  @Get('ledger')
  async ledger(@AuthUser() user: CurrentUser, @Param('id') id: string, @Query() query: LedgerQueryDto) {
    const request = { organisationId: id, viewerUserId: user.sub, problemYear: query.year, asOf: query.asOf };
    if (query.format === 'xlsx') {
      // Checked and its first page read before the first byte, so a refusal is still a JSON error.
      const ledger = await this.exportLedger.execute(request);
      const generatedAt = new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
      return streamedDownload(
        (out) => writeLedgerXlsx(out, { title: ledger.title, generatedAt, pages: ledger.pages }),
        XLSX_TYPE,
        `${ledger.title}.xlsx`,
        this.logger,
      );
    }
    const ledger = await this.buildLedger.execute(request);
    if (query.format === 'json') return { title: ledger.title, columns: LEDGER_COLUMNS, rows: ledger.rows };
    const markdown = renderMarkdown(ledgerDocument(ledger.title, ledger.rows));
    return download(markdown, 'text/markdown; charset=utf-8', `${ledger.title}.md`);
  }

  @ApiOperation({
    operationId: 'getOverdueTrend',
    summary: '该组织及下级组织最近若干个月（默认12个月，最多36个月）每月末的超期事项数',
  })
  @ApiOkResponse({ type: OverdueTrendResponse })
  @ApiErrors(400, 404)
  @Get('overdue-trend')
  overdueTrend(@AuthUser() user: CurrentUser, @Param('id') id: string, @Query() query: OverdueTrendQueryDto) {
    return this.trend.execute({
      organisationId: id,
      viewerUserId: user.sub,
      months: query.months,
      asOf: query.asOf,
    });
  }
}

async function documentDownload(doc: ClosingDocument, format: Exclude<DocumentFormat, 'json'>, name: string) {
  if (format === 'docx') return download(await renderDocx([doc]), DOCX_TYPE, `${name}.docx`);
  if (format === 'md') return download(renderMarkdown(doc), 'text/markdown; charset=utf-8', `${name}.md`);
  return download(renderPlainText(doc), 'text/plain; charset=utf-8', `${name}.txt`);
}
