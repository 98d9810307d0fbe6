import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EXTRACTION_BASIS_LABELS } from '@rectify/domain';
import { ClaimedProgressProperty } from '../common/vocabulary.response';

/** What the report parser finds in a file (ExtractionResult in libs/domain), as JSON. */
const BASIS = {
  enum: Object.keys(EXTRACTION_BASIS_LABELS),
  enumName: 'ExtractionBasis',
  description: `提取依据：${Object.entries(EXTRACTION_BASIS_LABELS)
    .map(([basis, label]) => `${basis} ${label}`)
    .join('；')}`,
};
const CONFIDENCE = { minimum: 0, maximum: 1, description: '把握程度（0–1）；低于 0.7 为待核对' };

export class ReportSectionResponse {
  @ApiProperty({
    enum: ['performance', 'last_year_rectification', 'problems', 'causes', 'measures', 'other'],
    enumName: 'SectionKind',
    description: '部分：工作成效、上年度整改情况、存在问题、原因分析、整改措施、其他',
  })
  kind!: string;

  @ApiProperty({ description: '标题原文' })
  heading!: string;
}

/** 问题清单 / 整改台账 row details besides the problem; null when the column or cell is empty. */
export class ItemTrackingResponse {
  @ApiProperty({ type: String, nullable: true, description: '问题来源' }) source!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '责任领导' }) responsibleLeader!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '责任单位' }) responsibleUnit!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '责任人' }) owner!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: '整改时限' }) deadline!:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: '时限原文（立行立改、长期坚持…）' })
  deadlineText!: string | null;
  @ClaimedProgressProperty({ nullable: true, description: '表格中的进度' }) progress!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '进度原文' }) progressText!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: '未识别的列：列名 → 内容',
  })
  extra!: Record<string, string>;
  @ApiProperty({ type: 'integer', description: '所在行（从 1 起）' }) row!: number;
  @ApiProperty({ type: String, nullable: true, description: '所在工作表' }) sheet!: string | null;
}

export class ExtractedProblemResponse {
  @ApiProperty({ type: 'integer' }) seq!: number;
  @ApiProperty() title!: string;
  @ApiProperty() detail!: string;
  @ApiProperty(BASIS) basis!: string;
  @ApiProperty(CONFIDENCE) confidence!: number;
  @ApiPropertyOptional({ type: ItemTrackingResponse, description: '来自表格行时：责任人、时限、进度等' })
  tracking?: ItemTrackingResponse;
}

export class ExtractedCauseResponse {
  @ApiProperty({ type: 'integer' }) seq!: number;
  @ApiProperty() text!: string;
}

export class ExtractedMeasureResponse {
  @ApiProperty({ type: 'integer' }) seq!: number;
  @ApiProperty() title!: string;
  @ApiProperty() detail!: string;
  @ApiProperty({ type: [Number], description: '对应的问题序号' }) problemSeqs!: number[];
  @ApiProperty(BASIS) basis!: string;
  @ApiProperty(CONFIDENCE) confidence!: number;
}

export class LastYearRectificationEntryResponse {
  @ApiProperty({ description: '文中所写的问题' }) problem!: string;
  @ClaimedProgressProperty() status!: string;
  @ApiProperty({ description: '原文' }) text!: string;
}

export class ExtractionResultResponse {
  @ApiProperty({
    enum: ['work_report', 'inspection_material', 'rectification_plan', 'rectification_progress'],
    enumName: 'DocumentKind',
    description: '文种：述职报告、对照检查材料、整改方案（问题清单）、整改情况报告',
  })
  kind!: string;

  @ApiProperty({ type: 'integer', nullable: true, description: '识别出的年度' })
  year!: number | null;

  @ApiProperty({ type: String, nullable: true })
  title!: string | null;

  @ApiProperty({ type: [String], description: '提取时的提示' })
  warnings!: string[];

  @ApiProperty({ type: [ReportSectionResponse] })
  sections!: ReportSectionResponse[];

  @ApiProperty({ type: [ExtractedProblemResponse], description: '存在问题' })
  problems!: ExtractedProblemResponse[];

  @ApiProperty({ type: [ExtractedCauseResponse], description: '原因分析' })
  causes!: ExtractedCauseResponse[];

  @ApiProperty({ type: [ExtractedMeasureResponse], description: '整改措施' })
  measures!: ExtractedMeasureResponse[];

  @ApiProperty({ type: [LastYearRectificationEntryResponse], description: '上年度整改情况' })
  lastYearRectification!: LastYearRectificationEntryResponse[];

  @ApiProperty({
    enum: ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5'],
    enumName: 'TextEncoding',
    description: '识别出的文字编码',
  })
  encoding!: string;
}
