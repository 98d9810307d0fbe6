import { ApiProperty } from '@nestjs/swagger';
import { ReconcileResultResponse, RecurringProblemResponse } from '../closing-loop/reconciliation.response';
import { ExtractionResultResponse } from './extraction.response';

/** GET /api/reports: one report of the organisations the caller may see, newest first. */
export class ReportListEntryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: '报告年度' }) year!: number | null;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ description: '上传的文件名' }) sourceFileName!: string;
  @ApiProperty({ format: 'date-time' }) importedAt!: string;
  @ApiProperty({ type: 'integer', description: '建立的整改事项数' }) items!: number;
  @ApiProperty({
    description: '当前用户可以删除该导入（管理员）；已有事项开始办理时删除会被拒绝（REPORT_IN_USE）',
  })
  mayRemove!: boolean;
}

/** DELETE /api/reports/{id}: the import was removed with its items. */
export class ReportRemovedResponse {
  @ApiProperty({ format: 'uuid' }) reportId!: string;
  @ApiProperty({ type: 'integer', description: '随之删除的整改事项数' }) removedItems!: number;
}

/** GET /api/reports/{id}: a report with what was extracted from it. */
export class ReportDetailResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ type: 'integer', nullable: true }) year!: number | null;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty() sourceFileName!: string;
  @ApiProperty({ format: 'date-time' }) importedAt!: string;
  @ApiProperty({ type: ExtractionResultResponse }) extraction!: ExtractionResultResponse;
}

/** A table read from the file as a table (a 问题清单): a workbook's sheet, or a table of a document. */
export class ReadTableResponse {
  @ApiProperty({ type: String, nullable: true, description: '工作表名称；文档中的表格为 null' })
  sheet!: string | null;

  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'string' } },
    description: '各行的单元格文字',
  })
  rows!: string[][];
}

/** POST /api/reports/preview: the extraction, with the format recognised and the text read. */
export class ReportPreviewResponse extends ExtractionResultResponse {
  @ApiProperty({
    enum: ['text', 'docx', 'doc', 'pdf', 'xlsx', 'xls', 'csv'],
    enumName: 'ReportFormat',
    description: '识别出的文件格式',
  })
  format!: string;

  @ApiProperty({ description: '读取到的正文，每段一行（按表格读取的问题清单见 tables）' })
  text!: string;

  @ApiProperty({
    type: [ReadTableResponse],
    description: '按表格读取的问题清单（表格文件的各工作表、文档中的问题表格）',
  })
  tables!: ReadTableResponse[];
}

/** An item an import created, as saved (a title corrected in the preview included). */
export class ImportedItemResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer', description: '报告中的问题序号' }) seq!: number;
  @ApiProperty({ description: '保存的标题（含预览中的更正）' }) title!: string;
}

/** POST /api/reports: what an import created (nothing, for a file already imported). */
export class ImportReportResponse {
  @ApiProperty({ description: 'false：同一文件已为该组织导入过，未重复建立' }) created!: boolean;
  @ApiProperty({ format: 'uuid' }) reportId!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: '报告年度' }) year!: number | null;
  @ApiProperty({ type: [String], description: '建立的整改事项（每个问题一个）' }) itemIds!: string[];
  @ApiProperty({ type: [ImportedItemResponse], description: '建立的整改事项及保存的标题，按问题顺序' })
  items!: ImportedItemResponse[];
  @ApiProperty({ type: [String], description: '提取时的提示' }) warnings!: string[];
  @ApiProperty({ type: [RecurringProblemResponse], description: '与往年问题相似的问题（反复出现）' })
  recurring!: RecurringProblemResponse[];
  @ApiProperty({
    type: ReconcileResultResponse,
    nullable: true,
    description: '上年度整改情况核对结果；年度未知时为 null',
  })
  reconciliation!: ReconcileResultResponse | null;
}
