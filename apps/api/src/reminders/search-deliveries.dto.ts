import { ApiPropertyOptional } from '@nestjs/swagger';
import { type DeliveryStatus } from '@rectify/application';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

const DELIVERY_STATUSES: DeliveryStatus[] = ['pending', 'sending', 'sent', 'failed', 'skipped'];

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
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 100;
}
