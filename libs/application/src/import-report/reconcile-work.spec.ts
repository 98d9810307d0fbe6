import { reconcileReport, type ReconcileInput } from '@rectify/domain';
import { IMPORT_LIMITS } from './import-limits';
import { closeReportWorkPool, reconcileUnits, reconcileWork, reportWorkInProgress } from './report-work-pool';

const entries: ReconcileInput['entries'] = [
  { problem: '理论学习不够深入', status: 'completed', text: '针对理论学习不够深入的问题，已整改完成。' },
  { problem: '党费收缴不及时', status: 'in_progress', text: '针对党费收缴不及时的问题，正在整改。' },
];
const tracked = (n: number): ReconcileInput['tracked'] =>
  Array.from({ length: n }, (_, i) => ({
    id: `item-${i}`,
    title: i === 0 ? '理论学习不够深入系统' : `第${i}项工作落实不到位`,
    status: 'measures_set' as const,
  }));

afterAll(() => closeReportWorkPool());

describe('reconcileUnits', () => {
  it('counts every entry against every item, and each item once more', () => {
    expect(reconcileUnits({ entries, tracked: tracked(10) })).toBe((2 + 1) * 10);
    expect(reconcileUnits({ entries: [], tracked: tracked(10) })).toBe(10);
  });
});

describe('reconcileWork', () => {
  it('reconciles a small report in this thread, as reconcileReport does', async () => {
    const input: ReconcileInput = { problemYear: 2022, entries, tracked: tracked(300) };
    expect(reconcileUnits(input)).toBeLessThanOrEqual(IMPORT_LIMITS.inlineReconcileUnits);
    const before = reportWorkInProgress().reconcile;
    const working = reconcileWork(input);
    // Nothing was handed to the worker threads.
    expect(reportWorkInProgress().reconcile).toBe(before);
    const result = await working;
    expect(result).toEqual(reconcileReport(input));
    expect(result.matched.map((m) => m.itemId)).toEqual(['item-0']);
    expect(result.omitted).toHaveLength(299);
  });

  it('hands a larger one to a worker thread, with the same result', async () => {
    const input: ReconcileInput = {
      problemYear: 2022,
      entries,
      tracked: tracked(Math.ceil(IMPORT_LIMITS.inlineReconcileUnits / 3) + 1),
    };
    expect(reconcileUnits(input)).toBeGreaterThan(IMPORT_LIMITS.inlineReconcileUnits);
    const before = reportWorkInProgress().reconcile;
    const working = reconcileWork(input);
    expect(reportWorkInProgress().reconcile).toBe(before + 1);
    expect(await working).toEqual(reconcileReport(input));
  }, 60_000);
});
