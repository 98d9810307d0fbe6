import { ApiPropertyOptional } from '@nestjs/swagger';
import { NOTIFICATION_ID_PATTERN } from '@rectify/application';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, Matches } from 'class-validator';

/** POST /api/me/notifications/read: the messages to mark read (ids), or all of them. */
export class MarkNotificationsReadDto {
  @ApiPropertyOptional({
    type: [String],
    maxItems: 500,
    description: '要标为已读的消息编号（最多 500 个）；他人的消息编号被忽略',
    example: ['120', 't118'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(NOTIFICATION_ID_PATTERN, { each: true, message: '每一项都必须是消息编号（如 120 或 t120）' })
  ids?: string[];

  @ApiPropertyOptional({ description: '为 true 时把本人的全部消息标为已读（与 ids 二选一）' })
  @IsOptional()
  @IsBoolean()
  all?: boolean;
}
