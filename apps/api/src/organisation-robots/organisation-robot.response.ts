import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_KINDS, ROBOT_PLATFORMS } from '@rectify/domain';
import { ROBOT_DELIVERY_STATUSES } from '@rectify/application';

export class QuietHoursResponse {
  @ApiProperty({ example: '22:00' }) from!: string;
  @ApiProperty({ example: '07:00' }) until!: string;
}

/** A robot's notification rows of the last 30 days, by status. */
export class RobotDeliveryCountsResponse {
  @ApiProperty({ description: '等待发送' }) pending!: number;
  @ApiProperty({ description: '正在发送' }) sending!: number;
  @ApiProperty({ description: '已发送' }) sent!: number;
  @ApiProperty({ description: '发送失败' }) failed!: number;
  @ApiProperty({ description: '未发送（如机器人已停用）' }) skipped!: number;
}

/** One group robot of an organisation, as its administrators see it again (never the secret). */
export class OrganisationRobotResponse {
  @ApiProperty({ enum: ROBOT_PLATFORMS, enumName: 'RobotPlatform' }) platform!: string;
  @ApiProperty({ example: '企业微信' }) platformLabel!: string;
  @ApiProperty({
    description: 'Webhook 地址，其中的密钥部分已遮盖',
    example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a****5aaa',
  })
  webhook!: string;
  @ApiProperty({ description: '是否已设置加签/签名校验密钥（密钥本身不再显示）' }) secretSet!: boolean;
  @ApiProperty({ type: [String], enum: NOTIFICATION_KINDS, enumName: 'NotificationKind' }) kinds!: string[];
  @ApiProperty({ type: QuietHoursResponse, nullable: true, description: '免打扰时段（北京时间）' })
  quietHours!: QuietHoursResponse | null;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '最近一次发送成功' })
  lastSentAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '发送失败并暂停的时间' })
  failedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '失败原因及处理办法（管理员修改设置后清除）' })
  lastError!: string | null;
  @ApiProperty({ type: RobotDeliveryCountsResponse, description: '近 30 天的推送，按状态计数' })
  recentDeliveries!: RobotDeliveryCountsResponse;
}

/** One notification of an organisation's robots. */
export class RobotDeliveryResponse {
  @ApiProperty({ example: '981' }) id!: string;
  @ApiProperty({ enum: ROBOT_PLATFORMS, enumName: 'RobotPlatform' }) platform!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS, enumName: 'NotificationKind' }) kind!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() headline!: string;
  @ApiProperty({ enum: ROBOT_DELIVERY_STATUSES, enumName: 'RobotDeliveryStatus' }) status!: string;
  @ApiProperty({ type: String, nullable: true, description: '失败或未发送的原因' }) error!: string | null;
  @ApiProperty({ description: '已尝试次数' }) attempts!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
}

/** DELETE /api/organisations/{id}/robots/{platform}. */
export class RobotRemovedResponse {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ enum: ROBOT_PLATFORMS, enumName: 'RobotPlatform', description: '已删除的机器人的平台' })
  platform!: string;
}
