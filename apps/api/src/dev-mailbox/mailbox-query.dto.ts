import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class ListMailboxDto {
  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 100;
}

export class MailIdParams {
  // Kept as text: the column is a bigint, beyond what a JavaScript number holds exactly.
  @ApiProperty({ description: '邮件编号（正整数）', example: '1', pattern: '^[1-9][0-9]{0,17}$' })
  @Matches(/^[1-9][0-9]{0,17}$/, { message: '邮件编号必须是正整数' })
  id!: string;
}
