import { parseReport } from './parse-report';

/** Small fixtures for the parser specs: each line of a report is one argument. */
export const doc = (...lines: string[]) => lines.join('\n');
export const titles = (text: string) => parseReport(text).problems.map((p) => p.title);
export const measureTitles = (text: string) => parseReport(text).measures.map((m) => m.title);
export const PERFORMANCE =
  '一、主要工作\n（一）加强理论武装。全年组织集中学习12次。\n（二）坚持问题导向，推动整改落实。';
