import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** The form fields sent with the uploaded file. */
export class ImportReportDto {
  @ApiProperty({ format: 'uuid', description: '报告所属党组织' })
  @IsUUID()
  organisationId!: string;

  @ApiPropertyOptional({ example: 2023, description: '覆盖自动识别的年度' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1990)
  @Max(2100)
  year?: number;
}
