import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** The form field sent with a directory file (multipart: text). */
export class DirectoryImportDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true：只检查并预计数量，不写入' })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}
