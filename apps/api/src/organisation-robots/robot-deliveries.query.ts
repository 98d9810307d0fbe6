import { ApiPropertyOptional } from '@nestjs/swagger';
import { ROBOT_DELIVERY_STATUSES } from '@rectify/application';
import { IsIn, IsOptional } from 'class-validator';
import { IntegerInRange } from '../common/integer-in-range.decorator';

/** GET /api/organisations/{id}/robots/deliveries. */
export class RobotDeliveriesQuery {
  @ApiPropertyOptional({
    enum: ROBOT_DELIVERY_STATUSES,
    enumName: 'RobotDeliveryStatus',
    description: '只看该状态的推送（failed 失败；pending 等待发送 …）；缺省为全部',
  })
  @IsOptional()
  @IsIn(ROBOT_DELIVERY_STATUSES)
  status?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @IntegerInRange(1, 200)
  limit: number = 50;
}
