import { type ReconcileResult } from '@rectify/application';
import { CLAIM_LABELS, UNCHECKED_REASON_LABELS, UNCHECKED_TITLE } from '@rectify/domain';
import { RECTIFICATION_STATUS_LABELS } from '@rectify/workflow';

/** The reconciliation of a report as readable Chinese lines: counts, then each finding. */
export function formatReconciliation(result: ReconcileResult): string {
  const r = result.reconciliation;
  const lines = [
    `核对${result.organisation.name}${result.reportYear}年度报告的上年度整改情况（对照${r.problemYear}年度整改事项 ${r.trackedItems} 个，报告所列 ${r.entries} 条）：`,
    `  对应 ${r.matched.length} 条，未提及 ${r.omitted.length} 个，无对应事项 ${r.unmatchedClaims.length} 条，反复出现的问题 ${r.recurring.length} 个。`,
    ...result.warnings.map((w) => `  ! ${w}`),
  ];
  for (const m of r.matched) {
    lines.push(
      `  = "${m.claimedProblem}" → "${m.itemTitle}"：报告称${CLAIM_LABELS[m.claim]}，记录为${RECTIFICATION_STATUS_LABELS[m.trackedStatus]}`,
    );
  }
  // 一致 only when something was compared; otherwise say that nothing was, and why.
  if (r.unchecked !== null) {
    lines.push(`  ${UNCHECKED_TITLE}：${UNCHECKED_REASON_LABELS[r.unchecked]}`);
  } else if (r.findings.length === 0) {
    lines.push(`  核对 ${r.checkedClaims} 条，未发现问题：报告的上年度整改情况与跟踪记录一致。`);
  }
  if (r.findings.length > 0) {
    lines.push(`发现 ${r.findings.length} 处需要关注：`);
    r.findings.forEach((f, i) => lines.push(`  ${i + 1}. ${f.message}`));
  }
  return lines.join('\n');
}
