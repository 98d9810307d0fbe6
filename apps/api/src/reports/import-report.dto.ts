import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ITEM_SOURCES, type ItemSource } from '@rectify/domain';
import { IsIn, IsJSON, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { IntegerInRange } from '../common/integer-in-range.decorator';

/** The form fields sent with a report to check against the tracked items. */
export class ReconcileReportDto {
  @ApiProperty({ format: 'uuid', description: '报告所属党组织' })
  @IsUUID()
  organisationId!: string;

  @ApiPropertyOptional({ example: 2023, description: '覆盖自动识别的年度' })
  @IsOptional()
  @IntegerInRange(1990, 2100)
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

  @ApiPropertyOptional({
    description:
      '预览后的更正（JSON）：{"dropProblemSeqs":[2],"titles":{"1":"更正后的标题"}}，序号为预览中问题的 seq',
    example: '{"dropProblemSeqs":[2],"titles":{"1":"理论学习不够深入"}}',
  })
  @IsOptional()
  @IsJSON()
  @MaxLength(20_000)
  corrections?: string;
}
