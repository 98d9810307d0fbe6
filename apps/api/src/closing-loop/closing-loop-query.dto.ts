import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATE_WINDOW } from '@rectify/domain';
import { IsIn, IsOptional } from 'class-validator';
import { IsDayInWindow } from '../common/day-in-window.validator';
import { IntegerInRange } from '../common/integer-in-range.decorator';

export const DOCUMENT_FORMATS = ['json', 'text', 'md', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
export const LEDGER_FORMATS = ['json', 'md', 'xlsx'] as const;
export type LedgerFormat = (typeof LEDGER_FORMATS)[number];

class YearQuery {
  @ApiProperty({ example: 2024 })
  @IntegerInRange(DATE_WINDOW.firstYear, DATE_WINDOW.lastYear)
  year!: number;

  @ApiPropertyOptional({ example: '2024-03-01', description: '统计截止日期（默认今天），用于判断是否超期' })
  @IsOptional()
  // A day, not an instant: deadlines are compared day by day.
  @IsDayInWindow()
  asOf?: string;
}

export class SectionQueryDto extends YearQuery {
  @ApiProperty({
    example: 2024,
    description: '报告年度：生成该年度报告中的"上年度整改情况"（即上一年度查摆问题的整改情况）',
  })
  declare year: number;

  @ApiPropertyOptional({ enum: DOCUMENT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(DOCUMENT_FORMATS)
  format: DocumentFormat = 'json';
}

export class SummaryQueryDto extends YearQuery {
  @ApiProperty({ example: 2023, description: '问题年度：统计该年度报告查摆的问题' })
  declare year: number;

  @ApiPropertyOptional({ enum: DOCUMENT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(DOCUMENT_FORMATS)
  format: DocumentFormat = 'json';
}

export class LedgerQueryDto extends YearQuery {
  @ApiProperty({ example: 2023, description: '问题年度：该年度报告查摆问题的整改台账' })
  declare year: number;

  @ApiPropertyOptional({ enum: LEDGER_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(LEDGER_FORMATS)
  format: LedgerFormat = 'json';
}

export class OverdueTrendQueryDto {
  @ApiPropertyOptional({ example: 12, default: 12, minimum: 1, maximum: 36, description: '统计最近多少个月' })
  @IsOptional()
  @IntegerInRange(1, 36)
  months?: number;

  @ApiPropertyOptional({
    example: '2025-01-10',
    description: '统计截止日期（默认今天）：最后一个月按该日统计，此前各月按月末统计',
  })
  @IsOptional()
  @IsDayInWindow()
  asOf?: string;
}
