import { ApiProperty } from '@nestjs/swagger';
import { REMINDER_KINDS } from '@rectify/domain';
import { DELIVERY_STATUSES, OUTBOX_FAILURE_STATES } from '@rectify/persistence';

export class DeliveryRecipientResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ description: '姓名' }) displayName!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
}

/** GET /api/reminders/deliveries: one reminder to one recipient, newest first. */
export class ReminderDeliveryResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() itemTitle!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ type: DeliveryRecipientResponse }) recipient!: DeliveryRecipientResponse;
  @ApiProperty({
    enum: REMINDER_KINDS as string[],
    enumName: 'ReminderKind',
    description:
      '提醒类别：approaching 即将到期；due 到期；overdue 逾期；escalated 逾期升级；review 长期整改定期报告',
  })
  kind!: string;
  @ApiProperty({ format: 'date', description: '时限（或定期报告日）' }) dueDate!: string;
  @ApiProperty({ format: 'date', description: '发送日' }) sendOn!: string;
  @ApiProperty({
    enum: DELIVERY_STATUSES as string[],
    enumName: 'DeliveryStatus',
    description: '发送状态：pending 待发送；sending 发送中；sent 已发送；failed 发送失败；skipped 未发送',
  })
  status!: string;
  @ApiProperty({ type: 'integer', description: '尝试次数' }) attempts!: number;
  @ApiProperty({ type: String, nullable: true, description: '失败原因（中文）' }) error!: string | null;
  @ApiProperty({ type: String, nullable: true }) messageId!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** GET /api/reminders/outbox-failures: an item whose reminders could not be scheduled. */
export class OutboxFailureResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() itemTitle!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ description: '起因：操作事件，或 SWEEP_UNSCHEDULABLE（巡检发现）' }) reason!: string;
  @ApiProperty({
    enum: OUTBOX_FAILURE_STATES as unknown as string[],
    enumName: 'OutboxFailureState',
    description: 'retrying 等待重试；parked 多次失败后已搁置',
  })
  state!: string;
  @ApiProperty({ type: 'integer' }) attempts!: number;
  @ApiProperty({ description: '最近一次失败的原因（中文，附技术原因）' }) lastError!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastAttemptAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: '下次重试时间；已搁置为 null',
  })
  nextAttemptAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) failedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
