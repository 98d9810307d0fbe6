import ExcelJS from 'exceljs';
import {
  BuildLedgerUseCase,
  GenerateLastYearSectionUseCase,
  ReconcileReportFileUseCase,
  type ReconcileResult,
  ReconcileStoredReportUseCase,
  renderDocx,
  renderLedgerXlsx,
  SummariseOrganisationUseCase,
} from '@rectify/application';
import {
  chineseDate,
  ITEM_SOURCES,
  LEDGER_COLUMNS,
  RECTIFICATION_STATUSES,
  renderPlainText,
  shanghaiDate,
} from '@rectify/domain';
import { docxToText } from '@rectify/domain/report/decode/docx-to-text';
import { createRepositories, openDatabase, type Database } from '@rectify/persistence';
import {
  fixtureBytes,
  importAndWork2023,
  type Qingshan,
  seedQingshan,
} from '../support/closing-loop-fixture';
import { createTestDatabase } from '../support/test-database';
import { importReport } from '../support/item-commands';

/** `{ value: 0 }` for every value of a vocabulary list. */
const zeroFor = (values: readonly string[]) => Object.fromEntries(values.map((v) => [v, 0]));

const AS_OF = '2025-01-10';

/**
 * The whole loop over two years: a 2023 report's items are worked, the 2024 report's
 * 上年度整改情况 is written from them, and the 2024 report as the branch wrote it is checked.
 */
describe('closing the loop over two years (PostgreSQL)', () => {
  let database: { url: string; drop: () => Promise<void> };
  let db: Database;
  let q: Qingshan;
  let ids: string[];
  let signedOff: string;
  const repositories = () => createRepositories(db.dataSource);

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await openDatabase({ databaseUrl: database.url });
    q = await seedQingshan(db.dataSource);
    ids = await importAndWork2023(db.dataSource, q);
    // Sign-off happens now; the section names its day.
    signedOff = chineseDate(shanghaiDate(new Date()));
  });
  afterAll(async () => {
    await db.close();
    await database.drop();
  });

  it('writes the 2024 report 上年度整改情况 exactly, every item included', async () => {
    const result = await new GenerateLastYearSectionUseCase(repositories()).execute({
      organisationName: q.branch.name,
      reportYear: 2024,
      asOf: AS_OF,
    });
    expect(renderPlainText(result.document)).toBe(
      [
        '上年度（2023年度）查摆问题整改情况',
        '对照查摆的5个问题，制定整改措施6条，已整改完成2个，需长期坚持整改1个，尚未完成2个。',
        `（一）针对“理论学习不够深入系统”问题，制定整改措施2条：一是制定年度学习计划，每月开展一次集中学习研讨；二是开展学习心得交流评比。整改成效：全年集中学习12次，党员撰写心得体会36篇。该问题已整改完成，于${signedOff}审核销号。`,
        `（二）针对“‘三会一课’制度落实不够规范”问题，制定整改措施1条：建立会议记录月检查制度，支委轮流讲党课。整改成效：会议记录按月检查，支委轮流讲党课4次。该问题已整改完成，于${signedOff}审核销号。`,
        '（三）针对“党员发挥先锋模范作用不够明显”问题，制定整改措施1条：开展党员示范岗、责任区创建活动。目前已设立党员示范岗6个、责任区4个。该问题需长期坚持整改，持续推进中。',
        '（四）针对“党建与业务融合不够紧密”问题，制定整改措施1条：围绕产业发展设立党员攻坚项目。该问题尚未完成，目前正在落实整改措施，已选定2个党员攻坚项目，原计划于2024年6月30日前完成，已超过整改时限。',
        '（五）针对“党员活动阵地建设滞后”问题，制定整改措施1条：争取资金改造党员活动室，完善设施设备。该问题尚未完成，目前已提交销号申请，正在审核，原计划于2024年9月30日前完成，已超过整改时限。',
        '',
      ].join('\n'),
    );
    expect(result.section.paragraphs.map((p) => p.itemId)).toEqual(ids);
    // Same data, same text.
    const again = await new GenerateLastYearSectionUseCase(repositories()).execute({
      organisationName: q.branch.name,
      reportYear: 2024,
      asOf: AS_OF,
    });
    expect(again.section).toEqual(result.section);
  });

  it('puts the section into a Word document that reads back with every paragraph', async () => {
    const result = await new GenerateLastYearSectionUseCase(repositories()).execute({
      organisationName: q.branch.name,
      reportYear: 2024,
      asOf: AS_OF,
    });
    const summary = await new SummariseOrganisationUseCase(repositories()).execute({
      organisationName: q.committee.name,
      problemYear: 2023,
      asOf: AS_OF,
    });
    const text = await docxToText(await renderDocx([result.document, summary.document]));
    const paragraphs = text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    const expected = [
      result.section.heading,
      result.section.summary,
      ...result.section.paragraphs.map((p) => p.text),
    ];
    expect(paragraphs.slice(0, expected.length)).toEqual(expected);
    expect(text).toContain(summary.document.title);
    expect(text).toContain(
      '共查摆问题5个，制定整改措施6条；已整改完成2个，需长期坚持整改1个，尚未完成2个（其中超期2个）；整改完成率40.0%。',
    );
  });

  it('counts the summary from the data: by organisation, status, source and light, with the overdue list', async () => {
    const { summary } = await new SummariseOrganisationUseCase(repositories()).execute({
      organisationName: q.committee.name,
      problemYear: 2023,
      asOf: AS_OF,
    });
    expect(summary.totals).toEqual({
      items: 5,
      measures: 6,
      completed: 2,
      longTerm: 1,
      open: 2,
      overdue: 2,
      recurring: 0,
    });
    expect(summary.completionRate).toBe(0.4);
    // Every status and source is counted, 0 when none.
    expect(summary.byStatus).toEqual({
      ...zeroFor(RECTIFICATION_STATUSES),
      identified: 0,
      measures_set: 1,
      pending_review: 1,
      completed: 2,
      long_term: 1,
    });
    expect(summary.bySource).toEqual({
      ...zeroFor(ITEM_SOURCES),
      self_inspection: 5,
      superior_review: 0,
      public_appraisal: 0,
      inspection_tour: 0,
    });
    expect(summary.byLight).toEqual({ red: 2, yellow: 0, green: 0, no_deadline: 0, not_lit: 3 });
    expect(summary.byOrganisation).toEqual([
      // The committee's own row (本级) first, then each branch with everything below it.
      expect.objectContaining({ organisationName: q.committee.name, items: 0, includesBelow: false }),
      expect.objectContaining({
        organisationName: q.branch.name,
        includesBelow: true,
        items: 5,
        completed: 2,
        longTerm: 1,
        open: 2,
        overdue: 2,
      }),
      // Organisations without 2023 items are listed too, so a supervisor sees who has not reported.
      expect.objectContaining({ organisationName: q.other.name, items: 0, completionRate: null }),
    ]);
    expect(summary.overdue.map((o) => [o.itemId, o.deadline, o.daysOverdue])).toEqual([
      [ids[3], '2024-06-30', 194],
      [ids[4], '2024-09-30', 102],
    ]);
  });

  it('exports the ledger as .xlsx whose cells read back as the tracked truth', async () => {
    const ledger = await new BuildLedgerUseCase(repositories()).execute({
      organisationName: q.committee.name,
      problemYear: 2023,
      asOf: AS_OF,
    });
    const workbook = new ExcelJS.Workbook();
    const bytes = await renderLedgerXlsx({
      title: ledger.title,
      rows: ledger.rows,
      generatedAt: '2025-01-10 09:00',
    });
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('整改台账')!;
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    expect(row(1)[0]).toBe(`${q.committee.name}2023年度查摆问题整改台账`);
    expect(row(2)).toEqual([...LEDGER_COLUMNS]);
    const first = row(3);
    expect(first.slice(0, 3)).toEqual([
      '1',
      '理论学习不够深入系统。部分党员满足于读文件、记笔记，学用结合不紧，运用理论指导实践的能力不强。',
      '自身查摆',
    ]);
    expect(first[3]).toBe(
      '1. 制定年度学习计划，每月开展一次集中学习研讨（责任人：李明，时限：2024-03-31）\n2. 开展学习心得交流评比（责任人：李明，时限：2024-06-30）',
    );
    expect(first.slice(5, 10)).toEqual([q.branch.name, '李明', '2024-06-30', '已整改完成', '不亮灯']);
    expect(first[11]).toContain('审核销号');
    expect(row(6).slice(7, 11)).toEqual(['2024-06-30', '已制定整改措施', '红灯', '']);
    expect(row(6)[11]).toBe('整改中\n已超期194天\n最新进展（' + row(6)[11].split('（')[1]);
    expect(row(5).slice(7, 10)).toEqual(['长期坚持', '长期坚持整改', '不亮灯']);
    const redFill = sheet.getRow(6).getCell(10).fill as ExcelJS.FillPattern;
    expect(redFill.fgColor?.argb).toBe('FFFF0000');
    expect(sheet.rowCount).toBeGreaterThanOrEqual(7);
  });

  describe('the 2024 report as the branch wrote it', () => {
    it('is checked before import: exactly the omission, the overstated claim and the recurring problem', async () => {
      const result = await new ReconcileReportFileUseCase(repositories()).execute({
        bytes: fixtureBytes('qingshan-2024.txt'),
        fileName: 'qingshan-2024.txt',
        organisationName: q.branch.name,
      });
      expectTheThreeFindings(result.reconciliation);
      expect(result.warnings).toEqual([]);
    });

    it('is checked on import, and its repeated problem is linked to the 2023 item', async () => {
      const imported = await importReport(db.dataSource, {
        bytes: fixtureBytes('qingshan-2024.txt'),
        fileName: 'qingshan-2024.txt',
        organisationName: q.branch.name,
      });
      expect(imported.recurring).toEqual([
        expect.objectContaining({
          itemId: imported.itemIds[0],
          earlier: [expect.objectContaining({ itemId: ids[3], year: 2023 })],
        }),
      ]);
      expect(imported.warnings).toEqual([expect.stringContaining('已标记为反复出现')]);
      expectTheThreeFindings(imported.reconciliation!.reconciliation);
      // The stored report gives the same answer later, and the link shows in the 2024 summary.
      const stored = await new ReconcileStoredReportUseCase(repositories()).execute({
        reportId: imported.reportId,
      });
      expect(stored.reconciliation).toEqual(imported.reconciliation!.reconciliation);
      const { summary } = await new SummariseOrganisationUseCase(repositories()).execute({
        organisationName: q.committee.name,
        problemYear: 2024,
        asOf: AS_OF,
      });
      expect(summary.recurring).toEqual([
        expect.objectContaining({
          itemId: imported.itemIds[0],
          earlier: [expect.objectContaining({ itemId: ids[3] })],
        }),
      ]);
    });
  });

  it('checks a 整改情况通报 whose problems are grouped by status as it checks a 上年度整改情况 section', async () => {
    const notice = [
      '青石村第一党支部关于2023年度查摆问题整改情况的通报',
      '一、已完成整改的问题',
      '1.理论学习不够深入系统。全年集中学习12次。',
      '2.“三会一课”制度落实不够规范。会议记录按月检查。',
      '二、需长期坚持整改的问题',
      '3.党员发挥先锋模范作用不够明显。示范岗持续创建。',
      '三、正在整改的问题',
      '4.党员活动阵地建设滞后。活动室改造方案已确定。',
    ].join('\n');
    const result = await new ReconcileReportFileUseCase(repositories()).execute({
      bytes: new TextEncoder().encode(notice),
      fileName: '整改情况通报.txt',
      organisationName: q.branch.name,
      year: 2024,
    });
    const r = result.reconciliation;
    expect(r.matched.map((m) => [m.itemId, m.claim])).toEqual([
      [ids[0], 'completed'],
      [ids[1], 'completed'],
      [ids[2], 'long_term'],
      [ids[4], 'in_progress'],
    ]);
    expect(r.omitted.map((o) => o.itemId)).toEqual([ids[3]]);
    expect(r.unmatchedClaims).toEqual([]);
  });

  function expectTheThreeFindings(r: ReconcileResult['reconciliation']): void {
    expect(r.matched.map((m) => [m.itemId, m.claim, m.agreement])).toEqual([
      [ids[0], 'completed', 'agrees'],
      [ids[1], 'completed', 'agrees'],
      [ids[2], 'long_term', 'agrees'],
      [ids[4], 'completed', 'overstated'],
    ]);
    expect(r.omitted.map((o) => o.itemId)).toEqual([ids[3]]);
    expect(r.unmatchedClaims).toEqual([]);
    expect(r.findings.map((f) => [f.kind, f.itemId ?? 'new'])).toEqual([
      ['claim_disagrees', ids[4]],
      ['item_omitted', ids[3]],
      ['problem_recurs', r.recurring[0].itemId ?? 'new'],
    ]);
    expect(r.findings[0].message).toBe(
      '报告称“党员活动阵地建设滞后”问题已整改完成，但跟踪记录为"待审核销号"。该事项尚未审核销号：请先提交销号申请并经审核，或如实写明整改进度。',
    );
    expect(r.findings[1].message).toContain('未提及2023年度查摆的“党建与业务融合不够紧密”问题');
    expect(r.findings[2].message).toContain(
      '“党建工作与产业发展‘两张皮’现象仍然存在”问题与2023年度的“党建与业务融合不够紧密”问题相似',
    );
  }

  it("keeps every item's measure count equal to its measures through two years of imports and work", async () => {
    const [row] = await db.dataSource.query(
      `SELECT count(*)::int AS items, sum(measure_count)::int AS measures,
              count(*) FILTER (WHERE measure_count <> (SELECT count(*) FROM measure m WHERE m.item_id = i.id))::int AS drifted
         FROM rectification_item i`,
    );
    expect(row.measures).toBeGreaterThan(0);
    expect(row.drifted).toBe(0);
  });
});
