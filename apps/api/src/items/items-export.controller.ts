import { PassThrough } from 'node:stream';
import { Controller, Get, Logger, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ExportItemsUseCase, MAX_EXPORT_ROWS, writeItemsXlsx } from '@rectify/application';
import { shanghaiDate } from '@rectify/domain';
import { type CurrentUser } from '../auth/access-token';
import { AuthUser } from '../auth/current-user.decorator';
import { ApiErrors, ErrorBodyDoc } from '../common/api-errors.decorator';
import { XLSX_TYPE } from '../closing-loop/download';
import { ExportItemsDto } from './search-items.dto';

/**
 * The items list as an Excel file (导出 Excel): every row of the current filters, not one page.
 * Registered before ItemsController, whose `GET items/:id` would otherwise take `export` for an id.
 */
@ApiTags('items 整改事项')
@ApiBearerAuth()
@Controller('items')
export class ItemsExportController {
  private readonly logger = new Logger('ItemsExport');

  constructor(private readonly exportItems: ExportItemsUseCase) {}

  @ApiOperation({
    operationId: 'exportItems',
    summary: `按当前筛选条件导出全部整改事项（.xlsx，所有页，最多 ${MAX_EXPORT_ROWS} 项；超过时请缩小筛选范围）`,
  })
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({
    description: '整改事项清单 .xlsx（逐页写出）',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiResponse({
    status: 422,
    description: `EXPORT_TOO_LARGE：符合条件的事项超过 ${MAX_EXPORT_ROWS} 项，请缩小筛选范围`,
    type: ErrorBodyDoc,
  })
  @ApiErrors(400, 404)
  @Get('export')
  async export(@AuthUser() user: CurrentUser, @Query() query: ExportItemsDto): Promise<StreamableFile> {
    const { q, ...filter } = query;
    const today = shanghaiDate(new Date());
    // Counted and checked before the first byte, so a refusal is still a JSON error.
    const exported = await this.exportItems.execute({ ...filter, text: q, today, userId: user.sub });
    const generatedAt = new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
    const body = new PassThrough();
    writeItemsXlsx(body, {
      title: `整改事项清单（共 ${exported.total} 项）`,
      generatedAt,
      pages: exported.pages,
    }).catch((err: unknown) => {
      // Headers are sent by now: the broken download is all the client can be told.
      this.logger.error(`导出中断：${err instanceof Error ? err.message : String(err)}`);
      body.destroy(err instanceof Error ? err : new Error(String(err)));
    });
    return new StreamableFile(body, {
      type: XLSX_TYPE,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(`整改事项清单_${today}.xlsx`)}`,
    });
  }
}
