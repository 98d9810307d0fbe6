import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ITEM_SOURCES } from '@rectify/domain';
import { WITHDRAWN_FILTERS, type WithdrawnFilter } from '@rectify/persistence';
import { IntegerInRange } from '../common/integer-in-range.decorator';
import { RECTIFICATION_STATUSES, type RectificationStatus } from '@rectify/workflow';

/** No scope holds a million items: a page past that is refused before it reaches SQL as an offset. */
const MAX_PAGE = 1_000_000;

export class SearchItemsDto {
  @ApiPropertyOptional({ description: '只看该组织及其下级组织（在本人管理范围内）', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ enum: RECTIFICATION_STATUSES })
  @IsOptional()
  @IsIn(RECTIFICATION_STATUSES)
  status?: RectificationStatus;

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

  @ApiPropertyOptional({ example: 2023, description: '问题所属年度（导入的事项为报告年度）' })
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
