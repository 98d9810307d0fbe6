import { ApiPropertyOptional } from '@nestjs/swagger';
import { ITEM_SOURCES, type ItemSource } from '@rectify/domain';
import { IsIn, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { IntegerInRange, PG_INTEGER_MAX } from '../common/integer-in-range.decorator';

/** The ledger details of an item: 问题来源 and 责任领导. */
export class UpdateItemDetailsDto {
  @ApiPropertyOptional({
    enum: ITEM_SOURCES,
    description: '问题来源：自身查摆 / 上级点评 / 群众评议 / 巡视巡察反馈',
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
