import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IntegerInRange } from '../common/integer-in-range.decorator';

export class ListMailboxDto {
  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @IntegerInRange(1, 500)
  limit: number = 100;
}

export class MailIdParams {
  // Kept as text: the column is a bigint, beyond what a JavaScript number holds exactly.
  @ApiProperty({ description: '邮件编号（正整数）', example: '1', pattern: '^[1-9][0-9]{0,17}$' })
  @Matches(/^[1-9][0-9]{0,17}$/, { message: '邮件编号必须是正整数' })
  id!: string;
}
