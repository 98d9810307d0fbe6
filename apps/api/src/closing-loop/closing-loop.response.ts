import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { ITEM_LIGHTS, ITEM_SOURCES, LEDGER_COLUMNS, RECTIFICATION_STATUSES } from '@rectify/domain';
import { LightProperty, StatusProperty } from '../common/vocabulary.response';
import { OrganisationRefResponse, RecurrenceLinkResponse } from './reconciliation.response';
import { DOCX_TYPE, XLSX_TYPE } from './download';

/**
 * The closing-the-loop outputs (上年度整改情况, 整改情况汇总, 整改台账, 超期趋势). Each of the
 * first three answers JSON (format=json, the default) or a file; ApiClosingDocumentResponse
 * documents both.
 */
const FILE_TYPES = {
  text: 'text/plain',
  md: 'text/markdown',
  docx: DOCX_TYPE,
  xlsx: XLSX_TYPE,
} as const;

/** 200: `model` as JSON, or the document as a download in each of `files` (format=…). */
export function ApiClosingDocumentResponse(model: Type<unknown>, files: (keyof typeof FILE_TYPES)[]) {
  const binary = { schema: { type: 'string', format: 'binary' } };
  return applyDecorators(
    ApiExtraModels(model),
    ApiOkResponse({
      description: `format=json（默认）时为 JSON；format=${files.join(' / ')} 时为下载文件（Content-Disposition 给出文件名）`,
      content: {
        'application/json': { schema: { $ref: getSchemaPath(model) } },
        ...Object.fromEntries(files.map((f) => [FILE_TYPES[f], binary])),
      },
    }),
  );
}

/** One counter per value of a list, e.g. { identified: 3, measures_set: 1, … }. */
function countsBy(name: string, values: readonly string[], what: string): Type<unknown> {
  class Counts {}
  Object.defineProperty(Counts, 'name', { value: name });
  for (const value of values)
    ApiProperty({ type: 'integer', description: `${what}为 ${value} 的事项数` })(Counts.prototype, value);
  return Counts;
}

const CountsByStatus = countsBy('CountsByStatus', RECTIFICATION_STATUSES, '状态');
const CountsBySource = countsBy('CountsBySource', ITEM_SOURCES, '问题来源');
const CountsByLight = countsBy('CountsByLight', ITEM_LIGHTS, '亮灯');

export class SectionCountsResponse {
  @ApiProperty({ type: 'integer' }) problems!: number;
  @ApiProperty({ type: 'integer' }) measures!: number;
  @ApiProperty({ type: 'integer' }) completed!: number;
  @ApiProperty({ type: 'integer' }) longTerm!: number;
  @ApiProperty({ type: 'integer' }) unfinished!: number;
}

export class SectionParagraphResponse {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() text!: string;
}

/** GET /api/organisations/{id}/section (format=json): the 上年度整改情况 of a year's report. */
export class LastYearSectionResponse {
  @ApiProperty({ type: OrganisationRefResponse })
  organisation!: OrganisationRefResponse;

  @ApiProperty({ type: 'integer', description: '报告年度' })
  reportYear!: number;

  @ApiProperty({ type: 'integer', description: '所述问题的年度（报告年度 − 1）' })
  problemYear!: number;

  @ApiProperty({ example: '一、上年度整改情况' })
  heading!: string;

  @ApiProperty({ description: '总述' })
  summary!: string;

  @ApiProperty({ type: [SectionParagraphResponse], description: '每个问题一段' })
  paragraphs!: SectionParagraphResponse[];

  @ApiProperty({ type: SectionCountsResponse })
  counts!: SectionCountsResponse;
}

export class SummaryTotalsResponse {
  @ApiProperty({ type: 'integer' }) items!: number;
  @ApiProperty({ type: 'integer' }) measures!: number;
  @ApiProperty({ type: 'integer' }) completed!: number;
  @ApiProperty({ type: 'integer' }) longTerm!: number;
  @ApiProperty({ type: 'integer' }) open!: number;
  @ApiProperty({ type: 'integer' }) overdue!: number;
  @ApiProperty({ type: 'integer' }) recurring!: number;
}

/**
 * One row of the summary's table: the organisation's own items (本级) or one direct child with
 * everything below it (a 市's summary lists its 县, not its 50,000 organisations).
 */
export class OrganisationSummaryResponse {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty({
    description: 'true：该行是直属下级组织，数字含其所属全部党组织；false：汇总组织本级自身的问题',
  })
  includesBelow!: boolean;
  @ApiProperty({ type: 'integer' }) items!: number;
  @ApiProperty({ type: 'integer' }) completed!: number;
  @ApiProperty({ type: 'integer' }) longTerm!: number;
  @ApiProperty({ type: 'integer' }) open!: number;
  @ApiProperty({ type: 'integer' }) overdue!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1,
    description: '销号率（0–1）；该组织没有问题时为 null（显示为 —）',
  })
  completionRate!: number | null;
}

export class OverdueItemResponse {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty() title!: string;
  @StatusProperty() status!: string;
  @ApiProperty({ format: 'date' }) deadline!: string;
  @ApiProperty({ type: 'integer', description: '逾期自然日数' }) daysOverdue!: number;
  @ApiProperty({ type: 'integer', description: '逾期工作日数' }) workdaysOverdue!: number;
}

export class RecurringItemResponse {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty() title!: string;
  @StatusProperty() status!: string;
  @ApiProperty({ type: [RecurrenceLinkResponse] }) earlier!: RecurrenceLinkResponse[];
}

/** GET /api/organisations/{id}/summary (format=json): 整改情况汇总 of a year's problems. */
export class RectificationSummaryResponse {
  @ApiProperty({ type: 'integer', description: '问题年度' }) problemYear!: number;
  @ApiProperty({ format: 'date', description: '统计日期' }) asOf!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ type: SummaryTotalsResponse }) totals!: SummaryTotalsResponse;
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1,
    description: '销号率（0–1）；无事项时为 null（显示为 —）',
  })
  completionRate!: number | null;
  @ApiProperty({
    type: [OrganisationSummaryResponse],
    description: '本级一行（有本级问题或本级可见时），其后每个直属下级组织一行（含其所属党组织）',
  })
  byOrganisation!: OrganisationSummaryResponse[];
  @ApiProperty({ type: CountsByStatus }) byStatus!: Record<string, number>;
  @ApiProperty({ type: CountsBySource }) bySource!: Record<string, number>;
  @ApiProperty({ type: CountsByLight }) byLight!: Record<string, number>;
  @ApiProperty({
    type: [OverdueItemResponse],
    maxItems: 200,
    description: '超期事项，超期最久的在前，最多 200 条（总数见 totals）',
  })
  overdue!: OverdueItemResponse[];
  @ApiProperty({
    type: [RecurringItemResponse],
    maxItems: 200,
    description: '反复出现的问题，最多 200 条（总数见 totals）',
  })
  recurring!: RecurringItemResponse[];
}

export class LedgerRowResponse {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @LightProperty({ description: '亮灯（用于着色）' }) light!: string;
  @ApiProperty({ type: [String], description: '按 columns 顺序的单元格文字；多行用 \\n' }) cells!: string[];
}

/** GET /api/organisations/{id}/ledger (format=json): 整改台账. */
export class LedgerResponse {
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String], example: LEDGER_COLUMNS, description: '列名' }) columns!: string[];
  @ApiProperty({ type: [LedgerRowResponse] }) rows!: LedgerRowResponse[];
}

export class OverdueMonthResponse {
  @ApiProperty({ example: '2025-03', description: '月份（YYYY-MM）' }) month!: string;
  @ApiProperty({ type: 'integer', description: '月末（本月为统计日）超期事项数' }) overdue!: number;
}

/** GET /api/organisations/{id}/overdue-trend. */
export class OverdueTrendResponse {
  @ApiProperty({ type: [OverdueMonthResponse], description: '由远及近' }) months!: OverdueMonthResponse[];
}
