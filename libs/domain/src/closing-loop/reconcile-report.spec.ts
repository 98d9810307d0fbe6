import { type LastYearRectificationEntry } from '../report/extraction-result';
import { claimedProblem, compareClaim, reconcileReport } from './reconcile-report';
import { trackedItem } from './tracked-items.fixtures';

const TRACKED = [
  trackedItem({ id: 'study', seq: 1, title: '理论学习不够深入系统', status: 'completed' }),
  trackedItem({ id: 'life', seq: 2, title: '“三会一课”制度落实不够规范', status: 'measures_set' }),
  trackedItem({ id: 'venue', seq: 3, title: '党员活动阵地建设滞后', status: 'long_term' }),
  trackedItem({ id: 'dues', seq: 4, title: '党费收缴不够及时', status: 'pending_review' }),
];

const entry = (
  problem: string,
  status: LastYearRectificationEntry['status'],
): LastYearRectificationEntry => ({
  problem,
  status,
  text: `针对“${problem}”问题，……`,
});

describe('reconcileReport', () => {
  it('matches entries worded differently to their items, one to one', () => {
    const r = reconcileReport({
      problemYear: 2023,
      tracked: TRACKED,
      entries: [
        entry('党员活动阵地建设相对滞后', 'long_term'),
        entry('理论学习的深度和系统性不够', 'completed'),
        entry('三会一课制度落实不规范', 'in_progress'),
        entry('党费收缴不及时', 'unknown'),
      ],
    });
    expect(r.matched.map((m) => [m.claimedProblem, m.itemId, m.agreement])).toEqual([
      ['党员活动阵地建设相对滞后', 'venue', 'agrees'],
      ['理论学习的深度和系统性不够', 'study', 'agrees'],
      ['三会一课制度落实不规范', 'life', 'agrees'],
      ['党费收缴不及时', 'dues', 'unstated'],
    ]);
    expect(r.findings).toEqual([]);
    // The claim without a progress was matched but not compared.
    expect([r.checkedClaims, r.unchecked]).toEqual([3, null]);
  });

  it('says why nothing was compared instead of finding nothing wrong', () => {
    const unchecked = (tracked: typeof TRACKED, entries: LastYearRectificationEntry[]) => {
      const r = reconcileReport({ problemYear: 2023, tracked, entries });
      return [r.checkedClaims, r.unchecked];
    };
    expect(unchecked([], [])).toEqual([0, 'no_tracked_items']);
    expect(unchecked([], [entry('理论学习不够深入系统', 'completed')])).toEqual([0, 'no_tracked_items']);
    expect(unchecked(TRACKED, [])).toEqual([0, 'no_entries']);
    expect(unchecked(TRACKED, [entry('意识形态工作责任制落实不到位', 'completed')])).toEqual([
      0,
      'none_matched',
    ]);
    expect(unchecked(TRACKED.slice(0, 1), [entry('理论学习不够深入系统', 'unknown')])).toEqual([
      0,
      'progress_unstated',
    ]);
  });

  it('reports an overstated claim, an omitted item and a claim that matches nothing, each saying what to do', () => {
    const r = reconcileReport({
      problemYear: 2023,
      tracked: TRACKED,
      entries: [
        entry('理论学习不够深入系统', 'completed'),
        entry('三会一课制度落实不够规范', 'completed'),
        entry('党员活动阵地建设滞后', 'long_term'),
        entry('意识形态工作责任制落实不到位', 'completed'),
      ],
    });
    expect(r.omitted.map((o) => o.itemId)).toEqual(['dues']);
    expect(r.unmatchedClaims.map((c) => c.problem)).toEqual(['意识形态工作责任制落实不到位']);
    expect(r.findings.map((f) => [f.kind, f.itemId])).toEqual([
      ['claim_disagrees', 'life'],
      ['item_omitted', 'dues'],
      ['claim_unmatched', null],
    ]);
    expect(r.findings[0].message).toBe(
      '报告称“‘三会一课’制度落实不够规范”问题已整改完成，但跟踪记录为"已制定整改措施"。该事项尚未审核销号：请先提交销号申请并经审核，或如实写明整改进度。',
    );
    expect(r.findings[1].message).toContain('请补充该问题的整改情况');
    expect(r.findings[2].message).toContain('请核对问题表述');
  });

  it('ranks claims against the record: open < long-term < completed', () => {
    expect(compareClaim('completed', 'completed')).toBe('agrees');
    expect(compareClaim('completed', 'pending_review')).toBe('overstated');
    expect(compareClaim('long_term', 'measures_set')).toBe('overstated');
    expect(compareClaim('in_progress', 'long_term')).toBe('agrees');
    expect(compareClaim('in_progress', 'completed')).toBe('understated');
    expect(compareClaim('long_term', 'completed')).toBe('understated');
    expect(compareClaim('unknown', 'identified')).toBe('unstated');
  });

  it.each([
    ['关于“理论学习不够深入”的问题', '理论学习不够深入'],
    ['理论学习不够深入系统的问题', '理论学习不够深入系统'],
    ['理论学习不够深入系统问题已整改完成', '理论学习不够深入系统'],
    ['党员作用发挥不明显问题需长期坚持整改', '党员作用发挥不明显'],
    ['问题整改不彻底', '问题整改不彻底'],
  ])('reads the problem named in "%s" as "%s"', (problem, name) => {
    expect(claimedProblem({ problem, status: 'unknown', text: '' })).toBe(name);
  });

  it('with nothing tracked, every claim is unmatched', () => {
    const r = reconcileReport({
      problemYear: 2023,
      tracked: [],
      entries: [entry('理论学习不够', 'completed')],
    });
    expect(r.findings.map((f) => f.kind)).toEqual(['claim_unmatched']);
  });
});
