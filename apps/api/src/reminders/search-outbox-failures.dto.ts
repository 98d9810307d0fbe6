import { ApiPropertyOptional } from '@nestjs/swagger';
import { type OutboxFailureState } from '@rectify/application';
import { IsIn, IsOptional } from 'class-validator';
import { IntegerInRange } from '../common/integer-in-range.decorator';

const STATES: OutboxFailureState[] = ['retrying', 'parked'];

export class SearchOutboxFailuresDto {
  @ApiPropertyOptional({ enum: STATES, description: '等待重试 / 多次失败后已搁置（不填则两者都列出）' })
  @IsOptional()
  @IsIn(STATES)
  state?: OutboxFailureState;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @IntegerInRange(1, 500)
  limit: number = 100;
}
