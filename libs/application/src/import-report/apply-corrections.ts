import { type ExtractionResult, ITEM_TITLE_MAX_LENGTH } from '@rectify/domain';
import { ApplicationError } from '../errors/application-error';

/**
 * Corrections made in the import preview: problems that are not problems (dropped), and
 * titles the parser cut badly (rewritten). Keyed by the problem's seq in the preview.
 */
export interface ImportCorrections {
  dropProblemSeqs?: number[];
  titles?: Record<string, string>;
}

/** The extraction as the administrator confirmed it; each correction is noted in the warnings. */
export function applyCorrections(
  extraction: ExtractionResult,
  corrections: ImportCorrections,
): ExtractionResult {
  const seqs = new Set(extraction.problems.map((p) => p.seq));
  const named = [
    ...(corrections.dropProblemSeqs ?? []),
    ...Object.keys(corrections.titles ?? {}).map(Number),
  ];
  const unknown = named.filter((seq) => !Number.isInteger(seq) || !seqs.has(seq));
  if (unknown.length > 0) {
    throw new ApplicationError(
      'INVALID_ARGUMENT',
      `更正中的问题序号 ${unknown.join('、')} 不存在：报告中的问题序号为 ${[...seqs].join('、') || '（无）'}，请重新预览后再更正。`,
      { unknownSeqs: unknown },
    );
  }
  const dropped = new Set(corrections.dropProblemSeqs ?? []);
  const warnings = [...extraction.warnings];
  const problems = extraction.problems
    .filter((p) => {
      if (dropped.has(p.seq))
        warnings.push(`导入时剔除了第${p.seq}个问题"${p.title}"（经管理员确认不是问题）。`);
      return !dropped.has(p.seq);
    })
    .map((p) => {
      const title = corrections.titles?.[String(p.seq)]?.trim();
      if (title === undefined || title === p.title) return p;
      if (title === '' || title.length > ITEM_TITLE_MAX_LENGTH) {
        throw new ApplicationError(
          'INVALID_ARGUMENT',
          `第${p.seq}个问题的标题应为1至${ITEM_TITLE_MAX_LENGTH}个字。`,
          {
            seq: p.seq,
          },
        );
      }
      warnings.push(`导入时第${p.seq}个问题的标题由"${p.title}"更正为"${title}"。`);
      return { ...p, title };
    });
  return { ...extraction, problems, warnings };
}
