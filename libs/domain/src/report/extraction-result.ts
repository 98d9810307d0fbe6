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

export interface ExtractedProblem {
  seq: number;
  title: string;
  detail: string;
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
}

export interface LastYearRectificationEntry {
  /** The problem as named in the text, e.g. the words inside 针对"…"问题. */
  problem: string;
  status: RectificationProgress;
  text: string;
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface ParsedReport {
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
