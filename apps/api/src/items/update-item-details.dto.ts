import { ApiPropertyOptional } from '@nestjs/swagger';
import { CREATED_ITEM_LIMITS, ITEM_SOURCES, type ItemSource } from '@rectify/domain';
import { IsIn, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { IntegerInRange, PG_INTEGER_MAX } from '../common/integer-in-range.decorator';

/** The details of an item: title, detail, 问题来源 and 责任领导; each optional, at least one. */
export class UpdateItemDetailsDto {
  @ApiPropertyOptional({ maxLength: CREATED_ITEM_LIMITS.maxTitleLength, description: '问题（标题）' })
  @IsOptional()
  @IsString()
  @MaxLength(CREATED_ITEM_LIMITS.maxTitleLength)
  title?: string;

  @ApiPropertyOptional({
    maxLength: CREATED_ITEM_LIMITS.maxDetailLength,
    description: '问题描述；空字符串清除',
  })
  @IsOptional()
  @IsString()
  @MaxLength(CREATED_ITEM_LIMITS.maxDetailLength)
  detail?: string;

  @ApiPropertyOptional({
    enum: ITEM_SOURCES,
    description: '问题来源：自身查摆 / 上级点评 / 群众评议 / 巡视巡察反馈 / 其他',
  })
  @IsOptional()
  @IsIn(ITEM_SOURCES)
  source?: ItemSource;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 50, description: '责任领导；null 清除' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(50)
  responsibleLeader?: string | null;

  @ApiPropertyOptional({ description: '客户端看到的版本；与当前版本不同则返回 409' })
  @IsOptional()
  @IntegerInRange(1, PG_INTEGER_MAX)
  expectedVersion?: number;
}
