import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The text field of the multipart evidence upload (the file itself is the `file` field). */
export class EvidenceUploadDto {
  @ApiPropertyOptional({ description: '佐证说明', example: '支委会会议记录（2024年3月）' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  text?: string;
}

/** What an accepted upload answers. */
export class EvidenceUploadedDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '支委会会议记录.pdf' })
  fileName!: string;

  @ApiProperty({ example: 'application/pdf', description: '由文件内容判断，而非文件名' })
  mimeType!: string;

  @ApiProperty({ example: 48213, description: '字节' })
  sizeBytes!: number;

  @ApiProperty({ example: 4, description: '上传后整改事项的版本（上传记入整改全过程记录）' })
  version!: number;
}

/** What a deletion answers. */
export class EvidenceDeletedDto {
  @ApiProperty({ format: 'uuid' })
  itemId!: string;

  @ApiProperty({ format: 'uuid' })
  evidenceId!: string;

  @ApiProperty({ example: 5, description: '删除后整改事项的版本（删除记入整改全过程记录）' })
  version!: number;

  @ApiProperty({
    description: '文件是否已从佐证存储（磁盘或数据库）删除（记录已标记删除；为 false 时仅残留文件）',
  })
  fileRemoved!: boolean;
}
