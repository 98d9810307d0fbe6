import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ITEM_SOURCES } from '@rectify/application';
import { type ItemSource } from '@rectify/domain';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** The form fields sent with a report to check against the tracked items. */
export class ReconcileReportDto {
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

/** The form fields sent with a report to import. */
export class ImportReportDto extends ReconcileReportDto {
  @ApiPropertyOptional({
    enum: ITEM_SOURCES,
    default: 'self_inspection',
    description: '问题来源：自身查摆 / 上级点评 / 群众评议 / 巡视巡察反馈',
  })
  @IsOptional()
  @IsIn(ITEM_SOURCES)
  source?: ItemSource;
}
