import { ApiPropertyOptional } from '@nestjs/swagger';
import { DELIVERY_STATUSES, type DeliveryStatus } from '@rectify/persistence';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IntegerInRange } from '../common/integer-in-range.decorator';

export class SearchDeliveriesDto {
  @ApiPropertyOptional({
    enum: DELIVERY_STATUSES,
    description: '待发送 / 发送中 / 已发送 / 发送失败 / 已跳过',
  })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ format: 'uuid', description: '只看该整改事项的提醒' })
  @IsOptional()
  @IsUUID()
  itemId?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @IntegerInRange(1, 500)
  limit: number = 100;
}
