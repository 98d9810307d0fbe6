import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { NOTIFICATION_ID_PATTERN } from '@rectify/application';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { IntegerInRange } from '../common/integer-in-range.decorator';

/** GET /api/me/notifications: which messages, and the page. */
export class ListNotificationsQuery {
  @ApiPropertyOptional({ description: '为 true 时只列出未读消息' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;

  // Kept as text: a bigint id, beyond what a JavaScript number holds exactly, `t` for a tier.
  @ApiPropertyOptional({
    description: '翻页：上一页最后一条消息的编号（即上一页的 nextBefore），只列出排在它之后（更早）的消息',
    pattern: NOTIFICATION_ID_PATTERN.source,
    example: 't120',
  })
  @IsOptional()
  @Matches(NOTIFICATION_ID_PATTERN, { message: '必须是消息编号（如 120 或 t120）' })
  before?: string;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @IntegerInRange(1, 100)
  limit: number = 20;
}
