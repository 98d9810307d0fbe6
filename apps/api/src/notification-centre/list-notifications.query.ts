import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { IntegerInRange } from '../common/integer-in-range.decorator';

/** GET /api/me/notifications: which messages, and the page. */
export class ListNotificationsQuery {
  @ApiPropertyOptional({ description: '为 true 时只列出未读消息' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;

  // Kept as text: the column is a bigint, beyond what a JavaScript number holds exactly.
  @ApiPropertyOptional({
    description: '翻页：上一页最后一条消息的编号（即上一页的 nextBefore），只列出比它更早的消息',
    pattern: '^[1-9][0-9]{0,17}$',
    example: '120',
  })
  @IsOptional()
  @Matches(/^[1-9][0-9]{0,17}$/, { message: '必须是消息编号（正整数）' })
  before?: string;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @IntegerInRange(1, 100)
  limit: number = 20;
}
