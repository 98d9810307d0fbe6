import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IntegerInRange, PG_INTEGER_MAX } from '../common/integer-in-range.decorator';
import { IsDayInWindow } from '../common/day-in-window.validator';

export class MeasurePlanDto {
  @ApiProperty({ example: '建立支部月度学习制度' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title!: string;

  @ApiProperty({ example: '张三', description: '责任人' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  responsible!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: '从本组织人员中选择的责任人；须为本组织在职人员，否则 400 RESPONSIBLE_NOT_IN_ORGANISATION',
  })
  @IsOptional()
  @IsUUID()
  responsibleUserId?: string | null;

  @ApiProperty({ example: '2024-06-30', format: 'date', description: '完成时限（1990-01-01 至 2100-12-31）' })
  @IsDayInWindow()
  deadline!: string;
}

export class SetMeasuresDto {
  @ApiProperty({ type: [MeasurePlanDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MeasurePlanDto)
  measures!: MeasurePlanDto[];

  @ApiProperty({ minimum: 1 })
  @IntegerInRange(1, PG_INTEGER_MAX)
  expectedVersion!: number;
}

export class ProgressNoteDto {
  @ApiProperty({ example: '已完成制度初稿，下周提交支委会讨论' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;

  @ApiProperty({ minimum: 1 })
  @IntegerInRange(1, PG_INTEGER_MAX)
  expectedVersion!: number;
}
