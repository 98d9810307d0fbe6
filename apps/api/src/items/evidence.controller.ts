import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Inject,
  Param,
  Post,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { attachEvidence, MAX_EVIDENCE_BYTES, readEvidence } from '@rectify/application';
import { EvidenceFileStore } from '@rectify/persistence';
import { DataSource } from 'typeorm';
import { type CurrentUser } from '../auth/access-token';
import { AuthUser } from '../auth/current-user.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { uploadedFileName } from '../common/uploaded-file-name';
import { EvidenceUploadDto } from './evidence-upload.dto';

export const EVIDENCE_STORE = Symbol('EVIDENCE_STORE');

@ApiTags('items 整改事项')
@ApiBearerAuth()
@Controller('items/:id/evidence')
export class EvidenceController {
  constructor(
    private readonly db: DataSource,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceFileStore,
  ) {}

  @ApiOperation({ summary: '上传整改佐证文件（PDF、图片、Word、Excel、文本，不超过 20 MB）' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' }, text: { type: 'string' } },
    },
  })
  @ApiErrors(400, 403, 404, 409, 413, 415)
  @Post()
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1 } }))
  upload(
    @AuthUser() user: CurrentUser,
    @Param('id') itemId: string,
    @UploadedFile() file: { originalname: string; buffer: Buffer } | undefined,
    @Body() body: EvidenceUploadDto,
  ) {
    if (!file)
      throw new BadRequestException({ code: 'FILE_MISSING', message: '请在表单字段 file 中上传佐证文件。' });
    return attachEvidence(this.db, this.store, {
      itemId,
      userId: user.sub,
      text: body.text ?? '',
      file: { name: uploadedFileName(file.originalname), bytes: file.buffer },
    });
  }

  @ApiOperation({ summary: '下载整改佐证文件' })
  @ApiErrors(404)
  @Get(':evidenceId')
  async download(
    @AuthUser() user: CurrentUser,
    @Param('id') itemId: string,
    @Param('evidenceId') evidenceId: string,
  ) {
    const { fileName, mimeType, bytes } = await readEvidence(
      this.db,
      this.store,
      user.sub,
      itemId,
      evidenceId,
    );
    return new StreamableFile(bytes, {
      type: mimeType,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    });
  }
}
