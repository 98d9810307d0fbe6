import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTIFICATION_KINDS } from '@rectify/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** 免打扰时段, Beijing time: nothing is sent from `from` until `until` (22:00–07:00 spans midnight). */
export class QuietHoursDto {
  @ApiProperty({ example: '22:00', pattern: TIME_OF_DAY.source })
  @IsString()
  @Matches(TIME_OF_DAY, { message: '必须是 HH:MM 格式的时间，如 22:00' })
  from!: string;

  @ApiProperty({ example: '07:00', pattern: TIME_OF_DAY.source })
  @IsString()
  @Matches(TIME_OF_DAY, { message: '必须是 HH:MM 格式的时间，如 07:00' })
  until!: string;
}

/**
 * PUT /api/organisations/{id}/robots/{platform}: every field optional; an omitted one keeps its
 * stored value (a new robot needs webhookUrl).
 */
export class SaveRobotDto {
  @ApiPropertyOptional({
    description: '机器人的 Webhook 地址（从群机器人设置中完整复制）；新建时必填',
    example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  webhookUrl?: string;

  @ApiPropertyOptional({
    description: '加签（钉钉）或签名校验（飞书）密钥：不传则保留原密钥，传空字符串则清除',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  secret?: string;

  @ApiPropertyOptional({
    type: [String],
    enum: NOTIFICATION_KINDS,
    enumName: 'NotificationKind',
    description: '推送的通知类别（至少一类）；新建时缺省为全部',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  @IsString({ each: true })
  @IsIn(NOTIFICATION_KINDS, { each: true })
  kinds?: string[];

  @ApiPropertyOptional({
    type: QuietHoursDto,
    nullable: true,
    description: '免打扰时段（北京时间）；null 为不设；新建时缺省为 22:00–07:00',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours?: QuietHoursDto | null;

  @ApiPropertyOptional({ description: '是否启用；新建时缺省为启用' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
