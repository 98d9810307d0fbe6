import { ApiProperty } from '@nestjs/swagger';

/** GET /api/dev/mailbox: a message the development SMTP sink received (no body), newest first. */
export class MailboxEntryResponse {
  @ApiProperty({ example: '42', description: '编号' }) id!: string;
  @ApiProperty({ type: String, nullable: true, description: '发件人（信封）；空发件人为 null' }) from!:
    string | null;
  @ApiProperty({ description: '收件人（信封），逗号分隔' }) to!: string;
  @ApiProperty({ type: String, nullable: true, description: '主题（已解码）；无法解析时为 null' }) subject!:
    string | null;
  @ApiProperty({ type: String, nullable: true }) messageId!: string | null;
  @ApiProperty({ format: 'date-time', description: '收到时间' }) receivedAt!: string;
}

/** GET /api/dev/mailbox/{id}: one message, parsed. */
export class MailboxMessageResponse {
  @ApiProperty({ example: '42' }) id!: string;
  @ApiProperty({ type: String, nullable: true, description: '发件人' }) from!: string | null;
  @ApiProperty({ description: '收件人' }) to!: string;
  @ApiProperty({ type: String, nullable: true }) subject!: string | null;
  @ApiProperty({ type: String, nullable: true }) messageId!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '邮件头中的日期' }) date!:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: '纯文本正文' }) text!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'HTML 正文' }) html!: string | null;
}
