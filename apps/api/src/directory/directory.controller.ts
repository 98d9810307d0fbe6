import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Post,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
  BadRequestException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ImportDirectoryUseCase, renderDirectoryTemplate } from '@rectify/application';
import { MAX_DIRECTORY_BYTES, MAX_DIRECTORY_ROWS } from '@rectify/domain';
import { type CurrentUser } from '../auth/access-token';
import { AuthUser } from '../auth/current-user.decorator';
import { ApiErrors, ErrorBodyDoc } from '../common/api-errors.decorator';
import { DirectoryImportDto } from './directory-import.dto';
import { DirectoryImportResponse, DirectoryInvalidErrorDoc } from './directory-import.response';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const LIMITS = `不超过 ${MAX_DIRECTORY_BYTES / 1024 / 1024} MB、${MAX_DIRECTORY_ROWS} 行`;

/**
 * multer's limits: one file, cut off at twice the accepted size (past it 413 without reading
 * further; between the two, the use case's DIRECTORY_FILE_TOO_LARGE says the limit), one field.
 */
const upload = FileInterceptor('file', {
  limits: { fileSize: 2 * MAX_DIRECTORY_BYTES, files: 1, fields: 2, fieldSize: 100, parts: 3 },
});

/** Bulk import of the organisation tree and its people (批量导入组织和人员): administrators. */
@ApiTags('directory 批量导入组织和人员')
@ApiBearerAuth()
@Controller('directory')
export class DirectoryController {
  constructor(private readonly importDirectory: ImportDirectoryUseCase) {}

  @ApiOperation({
    operationId: 'downloadDirectoryTemplate',
    summary: '下载批量导入模板（.xlsx）：表头、示例行，以及"填写说明"工作表（各列的可选值）',
  })
  @ApiOkResponse({
    description: '模板文件（Content-Disposition 给出文件名）',
    content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProduces(XLSX_TYPE)
  @ApiErrors()
  @Get('template.xlsx')
  async template() {
    return new StreamableFile(await renderDirectoryTemplate(), {
      type: XLSX_TYPE,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent('组织和人员导入模板.xlsx')}`,
    });
  }

  @ApiOperation({
    operationId: 'importDirectory',
    summary: '批量导入组织和人员（管理员）：先检查全部行，全部无误才在一个事务中写入',
    description: `上传按模板填写的 .xlsx（${LIMITS}）。任何一行有问题则不写入，422 DIRECTORY_INVALID 的 details.problems 按 Excel 行号和列逐条列出。dryRun=true 只检查并预计新增数量。已有的组织和人员保持不变（同一文件重复导入新增0个）；每个新账号生成一次性密码，只在本次响应中出现一次，首次登录须修改。只能在本人管理的组织之下新增。`,
  })
  @ApiOkResponse({ type: DirectoryImportResponse })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: `按模板填写的 .xlsx，${LIMITS}` },
        dryRun: { type: 'boolean', description: 'true：只检查并预计数量，不写入' },
      },
    },
  })
  @ApiErrors(400, 403, 409)
  @ApiResponse({
    status: 413,
    description: `文件超过 ${LIMITS}（DIRECTORY_FILE_TOO_LARGE）`,
    type: ErrorBodyDoc,
  })
  @ApiResponse({
    status: 422,
    description:
      '文件不是 .xlsx 或缺少模板表头（DIRECTORY_FILE_UNREADABLE），或有行存在问题（DIRECTORY_INVALID，details.problems 逐条列出）',
    type: DirectoryInvalidErrorDoc,
  })
  @Post('import')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @UseInterceptors(upload)
  import(
    @AuthUser() user: CurrentUser,
    @UploadedFile() file: { buffer: Buffer } | undefined,
    @Body() body: DirectoryImportDto,
  ) {
    if (!file) {
      throw new BadRequestException({
        code: 'FILE_MISSING',
        message: '请在表单字段 file 中上传按模板填写的 .xlsx 文件。',
      });
    }
    return this.importDirectory.execute({
      by: { userId: user.sub },
      bytes: file.buffer,
      dryRun: body.dryRun === 'true',
    });
  }
}
