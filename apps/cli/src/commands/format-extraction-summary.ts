import {
  DOUBTFUL_BELOW,
  EXTRACTION_BASIS_LABELS,
  type ExtractionBasis,
  type ExtractionResult,
  type RectificationProgress,
  type SectionKind,
} from '@rectify/domain';

const KIND_LABELS: Record<SectionKind, string> = {
  performance: '工作情况',
  last_year_rectification: '上年度整改情况',
  problems: '存在问题',
  causes: '原因分析',
  measures: '整改措施',
  other: '其他',
};

const STATUS_LABELS: Record<RectificationProgress, string> = {
  completed: '已整改完成',
  long_term: '长期坚持整改',
  in_progress: '正在整改',
  unknown: '未说明',
};

/** Old results and parsers that do not say yet: no basis, no confidence (then not doubtful). */
interface Judged {
  basis?: ExtractionBasis;
  confidence?: number;
}

const isDoubtful = (item: Judged) => item.confidence !== undefined && item.confidence < DOUBTFUL_BELOW;

/** 待核对 and why the item was taken, e.g. `〔待核对 · 分句〕`; '' when nothing is known. */
function judgement(item: Judged): string {
  const parts = [
    isDoubtful(item) ? '待核对' : '',
    item.basis ? EXTRACTION_BASIS_LABELS[item.basis] : '',
  ].filter(Boolean);
  return parts.length > 0 ? `〔${parts.join(' · ')}〕` : '';
}

/** Doubtful items first, otherwise in their order (Array.prototype.sort is stable). */
export function doubtfulFirst<T extends Judged>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => Number(isDoubtful(b)) - Number(isDoubtful(a)));
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The readable Chinese summary printed without --json. */
export function formatExtractionSummary(file: string, r: ExtractionResult): string {
  const lines: string[] = [];
  lines.push(`文件：${file}（编码 ${r.encoding}）`);
  lines.push(`标题：${r.title ?? '（未识别）'}`);
  lines.push(`年度：${r.year ?? '（未识别）'}`);
  lines.push(
    `章节：${r.sections.map((s) => `[${KIND_LABELS[s.kind]}] ${s.heading}`).join('；') || '（无）'}`,
  );
  lines.push('');
  const doubtful = r.problems.filter(isDoubtful).length;
  lines.push(
    `存在问题（${r.problems.length}个${doubtful > 0 ? `，其中${doubtful}个待核对，列在前面` : ''}）`,
  );
  for (const p of doubtfulFirst(r.problems)) {
    lines.push(`  ${String(p.seq).padStart(2)}. ${p.title}${judgement(p) ? `  ${judgement(p)}` : ''}`);
  }
  if (r.causes.length > 0) {
    lines.push('', `原因分析（${r.causes.length}条）`);
    for (const c of r.causes) lines.push(`  ${String(c.seq).padStart(2)}. ${clip(c.text, 60)}`);
  }
  lines.push('', `整改措施（${r.measures.length}条）`);
  lines.push('  序号 | 对应问题 | 措施');
  for (const m of r.measures) {
    const linked = m.problemSeqs.length > 0 ? m.problemSeqs.map((s) => `问题${s}`).join('、') : '—';
    const mark = isDoubtful(m) ? '〔待核对〕' : '';
    lines.push(`  ${String(m.seq).padStart(4)} | ${linked.padEnd(8)} | ${mark}${clip(m.title, 50)}`);
  }
  if (r.lastYearRectification.length > 0) {
    lines.push('', `上年度整改情况（${r.lastYearRectification.length}项）`);
    for (const e of r.lastYearRectification) lines.push(`  - ${e.problem}：${STATUS_LABELS[e.status]}`);
  }
  if (r.warnings.length > 0) {
    lines.push('', '提示：');
    for (const w of r.warnings) lines.push(`  ! ${w}`);
  }
  return `${lines.join('\n')}\n`;
}
