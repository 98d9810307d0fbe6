import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  Param,
  Post,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  AttachEvidenceUseCase,
  DeleteEvidenceUseCase,
  MAX_EVIDENCE_BYTES,
  MAX_EVIDENCE_FILES_PER_ITEM,
  MAX_EVIDENCE_TOTAL_BYTES_PER_ITEM,
  ReadEvidenceUseCase,
} from '@rectify/application';
import { type CurrentUser } from '../auth/access-token';
import { AuthUser } from '../auth/current-user.decorator';
import { ApiErrors, ErrorBodyDoc } from '../common/api-errors.decorator';
import { uploadedFileName } from '../common/uploaded-file-name';
import { EvidenceUploadLimitInterceptor } from './evidence-upload-limit.interceptor';
import { EvidenceDeletedDto, EvidenceUploadDto, EvidenceUploadedDto } from './evidence-upload.dto';

const MB = 1024 * 1024;
const LIMITS = `单个文件不超过 ${MAX_EVIDENCE_BYTES / MB} MB；每个整改事项最多 ${MAX_EVIDENCE_FILES_PER_ITEM} 个文件、合计不超过 ${MAX_EVIDENCE_TOTAL_BYTES_PER_ITEM / MB} MB`;

@ApiTags('items 整改事项')
@ApiBearerAuth()
@Controller('items/:id/evidence')
export class EvidenceController {
  constructor(
    private readonly attachEvidence: AttachEvidenceUseCase,
    private readonly readEvidence: ReadEvidenceUseCase,
    private readonly deleteEvidence: DeleteEvidenceUseCase,
  ) {}

  @ApiOperation({
    operationId: 'uploadEvidence',
    summary: '上传整改佐证文件（PDF、图片、Word、Excel、文本）',
    description: `${LIMITS}。上传记入整改事项的全过程记录，整改事项版本加一。已销号的事项不能上传。`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' }, text: { type: 'string' } },
    },
  })
  @ApiCreatedResponse({ type: EvidenceUploadedDto })
  @ApiErrors(400, 403, 404, 409)
  @ApiResponse({
    status: 413,
    description: `EVIDENCE_TOO_LARGE：单个文件超过 ${MAX_EVIDENCE_BYTES / MB} MB`,
    type: ErrorBodyDoc,
  })
  @ApiResponse({ status: 415, description: 'EVIDENCE_UNSUPPORTED_TYPE：文件类型不支持', type: ErrorBodyDoc })
  @ApiResponse({
    status: 422,
    description: 'EVIDENCE_EMPTY：文件为空；EVIDENCE_LIMIT_REACHED：超过每个整改事项的文件个数或合计大小',
    type: ErrorBodyDoc,
  })
  @Post()
  @UseInterceptors(
    EvidenceUploadLimitInterceptor,
    FileInterceptor('file', { limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1 } }),
  )
  upload(
    @AuthUser() user: CurrentUser,
    @Param('id') itemId: string,
    @UploadedFile() file: { originalname: string; buffer: Buffer } | undefined,
    @Body() body: EvidenceUploadDto,
  ): Promise<EvidenceUploadedDto> {
    if (!file)
      throw new BadRequestException({ code: 'FILE_MISSING', message: '请在表单字段 file 中上传佐证文件。' });
    return this.attachEvidence.execute({
      itemId,
      userId: user.sub,
      text: body.text ?? '',
      file: { name: uploadedFileName(file.originalname), bytes: file.buffer },
    });
  }

  @ApiOperation({ operationId: 'downloadEvidence', summary: '下载整改佐证文件' })
  @ApiOkResponse({
    description: '佐证文件，Content-Type 为其类型，作为下载文件（Content-Disposition 给出文件名）',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors(404)
  @Get(':evidenceId')
  async download(
    @AuthUser() user: CurrentUser,
    @Param('id') itemId: string,
    @Param('evidenceId') evidenceId: string,
  ) {
    const { fileName, mimeType, bytes } = await this.readEvidence.execute({
      userId: user.sub,
      itemId,
      evidenceId,
    });
    return new StreamableFile(bytes, {
      type: mimeType,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    });
  }

  @ApiOperation({
    operationId: 'deleteEvidence',
    summary: '删除上传错误的整改佐证文件（销号前，上传者本人或管理员）',
    description:
      '记录保留并标记为已删除，文件从佐证存储中删除；删除记入整改事项的全过程记录，版本加一。已销号的事项不能删除（409）。',
  })
  @ApiOkResponse({ type: EvidenceDeletedDto })
  @ApiErrors(403, 404, 409)
  @Delete(':evidenceId')
  remove(
    @AuthUser() user: CurrentUser,
    @Param('id') itemId: string,
    @Param('evidenceId') evidenceId: string,
  ): Promise<EvidenceDeletedDto> {
    return this.deleteEvidence.execute({ itemId, evidenceId, userId: user.sub });
  }
}
