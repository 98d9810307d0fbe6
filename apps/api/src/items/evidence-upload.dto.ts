import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class EvidenceUploadDto {
  @ApiPropertyOptional({ description: '佐证说明', example: '支委会会议记录（2024年3月）' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  text?: string;
}
