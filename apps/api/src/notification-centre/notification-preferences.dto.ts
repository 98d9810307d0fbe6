import { ApiProperty } from '@nestjs/swagger';
import { EMAIL_MODES, EVENT_NOTIFICATION_KINDS } from '@rectify/domain';
import { ArrayMaxSize, IsArray, IsIn, IsString } from 'class-validator';

/** PUT /api/me/notification-preferences: how event notifications go by email, and which kinds. */
export class NotificationPreferencesDto {
  @ApiProperty({
    enum: EMAIL_MODES,
    enumName: 'EmailMode',
    description: 'immediate 即时发送；digest 每日汇总一封；off 不发邮件（只看站内消息）',
  })
  @IsIn(EMAIL_MODES)
  emailMode!: string;

  @ApiProperty({
    type: [String],
    enum: EVENT_NOTIFICATION_KINDS,
    enumName: 'EventNotificationKind',
    description: '通过邮件发送的事件类别；其余只发站内消息',
  })
  @IsArray()
  @ArrayMaxSize(EVENT_NOTIFICATION_KINDS.length)
  @IsString({ each: true })
  @IsIn(EVENT_NOTIFICATION_KINDS, { each: true })
  emailKinds!: string[];
}

/** GET and PUT /api/me/notification-preferences. */
export class NotificationPreferencesResponse {
  @ApiProperty({ enum: EMAIL_MODES, enumName: 'EmailMode' }) emailMode!: string;
  @ApiProperty({ type: [String], enum: EVENT_NOTIFICATION_KINDS, enumName: 'EventNotificationKind' })
  emailKinds!: string[];
}
