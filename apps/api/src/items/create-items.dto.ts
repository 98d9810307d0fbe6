import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CREATABLE_SOURCES, type CreatableSource } from '@rectify/application';
import { CREATED_ITEM_LIMITS, DATE_WINDOW } from '@rectify/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsDayInWindow } from '../common/day-in-window.validator';
import { IntegerInRange } from '../common/integer-in-range.decorator';

const { maxItems, maxTitleLength, maxDetailLength } = CREATED_ITEM_LIMITS;

/** One problem written out: a title and an optional description. */
export class NewProblemDto {
  @ApiProperty({ example: '理论学习不够深入', maxLength: maxTitleLength, description: '问题（标题）' })
  @IsString()
  @MaxLength(maxTitleLength)
  title!: string;

  @ApiPropertyOptional({ maxLength: maxDetailLength, description: '问题描述（具体表现）' })
  @IsOptional()
  @IsString()
  @MaxLength(maxDetailLength)
  detail?: string;
}

/**
 * Items created by hand for one organisation (上级点评、巡视巡察反馈、群众评议、其他): `problems`
 * or `list` (one problem a line), never both; at most 200 problems, titles of at most 500
 * characters, details of at most 5,000.
 */
export class CreateItemsDto {
  @ApiProperty({ format: 'uuid', description: '问题所属组织' })
  @IsUUID()
  organisationId!: string;

  @ApiProperty({
    enum: CREATABLE_SOURCES,
    description: '问题来源：上级点评 / 巡视巡察反馈 / 群众评议 / 其他',
  })
  @IsIn(CREATABLE_SOURCES, {
    message:
      '手工新建的整改事项，问题来源只能是上级点评、巡视巡察反馈、群众评议或其他；自身查摆的问题请通过导入述职报告录入。',
  })
  source!: CreatableSource;

  @ApiPropertyOptional({
    type: 'integer',
    example: 2026,
    description: `问题所属年度（${DATE_WINDOW.firstYear}–${DATE_WINDOW.lastYear}），默认为当前年度（北京时间）`,
  })
  @IsOptional()
  @IntegerInRange(DATE_WINDOW.firstYear, DATE_WINDOW.lastYear)
  year?: number;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: `建议完成时限（${DATE_WINDOW.first} 至 ${DATE_WINDOW.last}）`,
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsDayInWindow()
  deadline?: string | null;

  @ApiPropertyOptional({
    maxLength: 200,
    example: '2026年度述职评议会议点评',
    description: '问题依据（记入整改全过程记录）',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;

  @ApiPropertyOptional({ type: [NewProblemDto], maxItems, description: '逐条填写的问题（与 list 二选一）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(maxItems)
  @ValidateNested({ each: true })
  @Type(() => NewProblemDto)
  problems?: NewProblemDto[];

  @ApiPropertyOptional({
    maxLength: maxItems * (maxTitleLength + 12),
    example: '1. 理论学习不够深入\n2. 组织生活不够规范',
    description: `每行一个问题（空行忽略，行首编号如"1." "（一）" "一、"自动去掉；与 problems 二选一）；最多${maxItems}行，每行最多${maxTitleLength}字`,
  })
  @IsOptional()
  @IsString()
  // Room for 200 full lines with their numbering; the use case counts lines and lengths exactly.
  @MaxLength(maxItems * (maxTitleLength + 12))
  list?: string;
}
