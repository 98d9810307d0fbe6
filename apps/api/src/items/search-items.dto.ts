import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ITEM_SOURCES, STATUS_STAGES, type StatusStage } from '@rectify/domain';
import { WITHDRAWN_FILTERS, type WithdrawnFilter } from '@rectify/persistence';
import { IntegerInRange } from '../common/integer-in-range.decorator';
import { RECTIFICATION_STATUSES, type RectificationStatus } from '@rectify/workflow';

/** No scope holds a million items: a page past that is refused before it reaches SQL as an offset. */
const MAX_PAGE = 1_000_000;

export class SearchItemsDto {
  @ApiPropertyOptional({
    description: '只看该组织（须在本人查看范围内）及其下级组织；只看本组织时 subtree=false',
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({
    default: true,
    description: '与 organisationId 一起使用：true 含下级组织（默认），false 只看该组织本身',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  subtree?: boolean;

  @ApiPropertyOptional({ enum: RECTIFICATION_STATUSES })
  @IsOptional()
  @IsIn(RECTIFICATION_STATUSES)
  status?: RectificationStatus;

  @ApiPropertyOptional({
    enum: STATUS_STAGES,
    description:
      '按整改阶段：open 尚未完成（问题已查摆、已制定整改措施、待审核销号），long_term 长期坚持整改，completed 已整改完成',
  })
  @IsOptional()
  @IsIn(STATUS_STAGES)
  stage?: StatusStage;

  @ApiPropertyOptional({ description: '已逾期（过了时限且未完成、非长期整改）' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: '反复出现（与本组织往年查摆的问题相似）' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  recurring?: boolean;

  @ApiPropertyOptional({
    enum: ITEM_SOURCES,
    description: '自身查摆 / 上级点评 / 群众评议 / 巡视巡察反馈 / 其他',
  })
  @IsOptional()
  @IsIn(ITEM_SOURCES)
  source?: string;

  @ApiPropertyOptional({ example: 2023, description: '问题所属年度（导入的事项为报告年度）；不填为全部年度' })
  @IsOptional()
  @IntegerInRange(1990, 2100)
  year?: number;

  @ApiPropertyOptional({ description: '在标题和详情中查找的文字' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    enum: WITHDRAWN_FILTERS,
    default: 'exclude',
    description: '已撤销的事项：exclude 不列出（默认），include 一并列出，only 只列出已撤销的',
  })
  @IsOptional()
  @IsIn(WITHDRAWN_FILTERS)
  withdrawn?: WithdrawnFilter;

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: MAX_PAGE })
  @IsOptional()
  @IntegerInRange(1, MAX_PAGE)
  page: number = 1;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 200 })
  @IsOptional()
  @IntegerInRange(1, 200)
  pageSize: number = 20;
}

/** The items list's filters for an export (导出 Excel): every matching row, so no page. */
export class ExportItemsDto extends OmitType(SearchItemsDto, ['page', 'pageSize'] as const) {}
