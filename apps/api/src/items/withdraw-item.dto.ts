import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WITHDRAW_REASON_MAX_LENGTH } from '@rectify/application';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IntegerInRange, PG_INTEGER_MAX } from '../common/integer-in-range.decorator';

/** POST /api/items/{id}/withdraw: withdraw (撤销) a mistaken item, with the reason. */
export class WithdrawItemDto {
  @ApiProperty({ minimum: 1, description: '当前版本号（乐观锁）' })
  @IntegerInRange(1, PG_INTEGER_MAX)
  version!: number;

  @ApiProperty({ maxLength: WITHDRAW_REASON_MAX_LENGTH, description: '撤销原因（必填）' })
  @IsString()
  @MaxLength(WITHDRAW_REASON_MAX_LENGTH)
  reason!: string;
}

/** POST /api/items/{id}/restore: restore (恢复) a withdrawn item, with an optional note. */
export class RestoreItemDto {
  @ApiProperty({ minimum: 1, description: '当前版本号（乐观锁）' })
  @IntegerInRange(1, PG_INTEGER_MAX)
  version!: number;

  @ApiPropertyOptional({ maxLength: WITHDRAW_REASON_MAX_LENGTH, description: '恢复说明（可选）' })
  @IsOptional()
  @IsString()
  @MaxLength(WITHDRAW_REASON_MAX_LENGTH)
  note?: string;
}
