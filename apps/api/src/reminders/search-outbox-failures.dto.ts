import { ApiPropertyOptional } from '@nestjs/swagger';
import { OUTBOX_FAILURE_STATES, type OutboxFailureState } from '@rectify/persistence';
import { IsIn, IsOptional } from 'class-validator';
import { IntegerInRange } from '../common/integer-in-range.decorator';

export class SearchOutboxFailuresDto {
  @ApiPropertyOptional({
    enum: OUTBOX_FAILURE_STATES,
    description: '等待重试 / 多次失败后已搁置（不填则两者都列出）',
  })
  @IsOptional()
  @IsIn(OUTBOX_FAILURE_STATES)
  state?: OutboxFailureState;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @IntegerInRange(1, 500)
  limit: number = 100;
}
