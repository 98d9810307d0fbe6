/**
 * What the report parser finds in one annual work report (述职报告 / 党建工作总结).
 * Field names are the English short names used across the code base:
 * - problems: 存在问题 / 存在的不足 / 问题和差距
 * - causes: 原因分析 / 究其原因
 * - measures: 下步工作打算 / 整改措施
 * - lastYearRectification: 上年度整改情况 (how last year's problems were fixed)
 */
export type SectionKind =
  'performance' | 'last_year_rectification' | 'problems' | 'causes' | 'measures' | 'other';

export type RectificationProgress = 'completed' | 'long_term' | 'in_progress' | 'unknown';

export interface ReportSection {
  kind: SectionKind;
  heading: string;
}

/**
 * The kind of document a text is (文种): the loop brings more than annual reports.
 * - work_report: 述职报告 / 党建工作总结 / 工作报告
 * - inspection_material: 对照检查材料 / 发言提纲 (problems grouped by aspect, each with causes and measures)
 * - rectification_plan: 整改方案 / 问题清单 / 整改台账 (problem, measure, owner, deadline per problem)
 * - rectification_progress: 整改情况报告 / 整改进展通报 (each problem with its 整改情况 and status)
 */
export type DocumentKind =
  'work_report' | 'inspection_material' | 'rectification_plan' | 'rectification_progress';

/**
 * Why a problem or measure was taken, from most to least certain:
 * - table_row: a row of a 问题清单 / 整改清单 table or sheet
 * - numbered_item: an item numbered at a line start (（一）… / 1. …) or by Word's automatic numbering
 * - inline_enumeration: 一是…二是… / 首先…其次… inside a paragraph
 * - lead_in_sentence: running text after a lead-in (主要问题是： / 整改措施有：A；B；C)
 * - separated_clauses: one sentence split at ；/。 after a lead-in (存在的问题：如…；…)
 * - paragraph: one unnumbered paragraph of a section
 */
export type ExtractionBasis =
  | 'table_row'
  | 'numbered_item'
  | 'inline_enumeration'
  | 'lead_in_sentence'
  | 'separated_clauses'
  | 'paragraph';

/**
 * What a 问题清单 / 整改台账 row says besides the problem (all strings as written, trimmed;
 * null when the column is absent or the cell empty).
 */
export interface ItemTracking {
  /** 问题来源 */
  source: string | null;
  /** 责任领导 */
  responsibleLeader: string | null;
  /** 责任单位 / 责任部门 */
  responsibleUnit: string | null;
  /** 责任人 */
  owner: string | null;
  /** 整改时限 / 完成时限 as an ISO date (YYYY-MM-DD, the last day of a month or year given alone). */
  deadline: string | null;
  /** The deadline cell as written (立行立改, 长期坚持, 2024年6月底 …). */
  deadlineText: string | null;
  /** 进度 / 完成情况 / 整改状态 read as a status; null when there is no such column or cell. */
  progress: RectificationProgress | null;
  /** The progress cell as written. */
  progressText: string | null;
  /** Columns the reader does not know, by header text, kept so nothing written is lost. */
  extra: Record<string, string>;
  /** Where the row is: 1-based row number in its table or sheet, and the sheet's name if any. */
  row: number;
  sheet: string | null;
}

export interface ExtractedProblem {
  seq: number;
  title: string;
  detail: string;
  basis: ExtractionBasis;
  /** How sure the reader is that this is one problem with this headline, 0..1. */
  confidence: number;
  /** Owner, deadline and status when the problem came from a table row. */
  tracking?: ItemTracking;
}

export interface ExtractedCause {
  seq: number;
  text: string;
}

export interface ExtractedMeasure {
  seq: number;
  title: string;
  detail: string;
  /** Problems this measure answers, by `ExtractedProblem.seq`. */
  problemSeqs: number[];
  basis: ExtractionBasis;
  /** How sure the reader is that this is one measure, 0..1. */
  confidence: number;
}

export interface LastYearRectificationEntry {
  /** The problem as named in the text, e.g. the words inside 针对"…"问题. */
  problem: string;
  status: RectificationProgress;
  text: string;
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface ParsedReport {
  kind: DocumentKind;
  year: number | null;
  title: string | null;
  warnings: string[];
  sections: ReportSection[];
  problems: ExtractedProblem[];
  causes: ExtractedCause[];
  measures: ExtractedMeasure[];
  lastYearRectification: LastYearRectificationEntry[];
}

export interface ExtractionResult extends ParsedReport {
  encoding: TextEncoding;
}
