import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_KINDS } from '@rectify/domain';

/** One 站内消息. */
export class NotificationEntryResponse {
  @ApiProperty({ example: '120', description: '消息编号：事件消息为数字，到期提醒（亮灯）以 t 开头' })
  id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS, enumName: 'NotificationKind', description: '通知类别' })
  kind!: string;
  @ApiProperty({ example: '已审核销号', description: '通知类别的中文名称' }) kindLabel!: string;
  @ApiProperty({ description: '一句话说明：组织、事项和发生了什么' }) headline!: string;
  @ApiProperty({ description: '谁做的、原因或意见' }) detail!: string;
  @ApiProperty({ format: 'uuid', description: '相关整改事项' }) itemId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '阅读时间；未读为 null' })
  readAt!: string | null;
}

/** GET /api/me/notifications: a page, newest first. */
export class NotificationPageResponse {
  @ApiProperty({ type: [NotificationEntryResponse] }) entries!: NotificationEntryResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: '下一页的 before 参数；为 null 时没有更早的消息',
  })
  nextBefore!: string | null;
}

/** GET /api/me/notifications/unread-count. */
export class UnreadCountResponse {
  @ApiProperty({ example: 3, description: '未读消息数' }) unread!: number;
}

/** POST /api/me/notifications/read. */
export class MarkReadResponse {
  @ApiProperty({ description: '本次标为已读的条数' }) marked!: number;
  @ApiProperty({ description: '仍未读的条数' }) unread!: number;
}
