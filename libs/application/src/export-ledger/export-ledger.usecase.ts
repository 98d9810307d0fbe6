import {
  ChineseWorkingDayCalendar,
  compareOrganisationNames,
  ledgerRow,
  type LedgerRow,
  shanghaiDate,
  type TrackedItem,
} from '@rectify/domain';
import { type TrackedItemsCursor } from '@rectify/persistence';
import { type ClosingLoopPorts } from '../closing-loop/closing-loop-ports';
import { asOfDay, assertYear, resolveTarget } from '../closing-loop/closing-loop-target';
import { type YearRequest } from '../closing-loop/load-year';

/** Items read from the database at a time while the ledger is written. */
export const LEDGER_PAGE_SIZE = 500;

/**
 * Organisations (consecutive in name order) whose items one read may cover: a read is given their
 * ranks, not the whole subtree's, so it costs the same on the 50,000 organisations of a 市 as on
 * a 镇 (with the whole list every page re-joined every organisation: a 市's ledger took 47 s).
 */
export const LEDGER_ORGANISATIONS_PER_READ = 500;

/** A ledger (整改台账) to write out: its title, then its rows page by page in ledger order. */
export interface LedgerExport {
  title: string;
  /** The rows numbered from 1 across pages; read as they are consumed (once). */
  pages: AsyncIterable<LedgerRow[]>;
}

/**
 * The ledger of BuildLedgerUseCase (same title, rows, order and numbering) for a file written as
 * it is read: the request is checked and the first page read before it returns, so a refusal or
 * a database fault is still an error before the first byte; the other pages are read in keyset
 * order (LEDGER_PAGE_SIZE items each) as they are consumed, so memory holds one page, not the
 * ledger, each read given the ranks of `organisationsPerRead` organisations only (a group after
 * the other, see rankGroups), so a read costs the same however large the subtree. It holds the names' order of the organisations below (one rank per organisation,
 * because that collation is JavaScript's, not the database's). An item changed meanwhile shows
 * as it is when its page is read. Errors: those of BuildLedgerUseCase (INVALID_ARGUMENT,
 * ORGANISATION_NOT_FOUND, USER_NOT_FOUND); a fault while a later page is read rejects the
 * iteration.
 */
export class ExportLedgerUseCase {
  constructor(
    private readonly ports: ClosingLoopPorts,
    private readonly organisationsPerRead = LEDGER_ORGANISATIONS_PER_READ,
  ) {}

  async execute(request: YearRequest): Promise<LedgerExport> {
    assertYear(request.problemYear);
    const target = await resolveTarget(this.ports.organisations, this.ports.viewers, request);
    const options = {
      asOf: asOfDay(request.asOf, () => shanghaiDate(new Date())),
      calendar: request.calendar ?? new ChineseWorkingDayCalendar(),
    };
    const { scope, organisation } = target;
    const groups = rankGroups(
      await this.ports.trackedItems.organisationsBelow(scope, organisation.path),
      this.organisationsPerRead,
    );
    const trackedItems = this.ports.trackedItems;
    const read = (organisationRanks: ReadonlyMap<string, number>, after: TrackedItemsCursor | null) =>
      trackedItems.loadPage(scope, {
        organisation,
        problemYear: request.problemYear,
        organisationRanks,
        after,
        limit: LEDGER_PAGE_SIZE,
      });
    const first = groups.length > 0 ? await read(groups[0], null) : [];

    async function* pages(): AsyncGenerator<LedgerRow[]> {
      let written = 0;
      for (const [g, ranks] of groups.entries()) {
        let page = g === 0 ? first : await read(ranks, null);
        for (;;) {
          if (page.length > 0) yield page.map((item) => ledgerRow(item, ++written, options));
          if (page.length < LEDGER_PAGE_SIZE) break;
          page = await read(ranks, cursorAfter(page[page.length - 1], ranks));
        }
      }
      if (written === 0) yield [];
    }
    return { title: `${organisation.name}${request.problemYear}年度查摆问题整改台账`, pages: pages() };
  }
}

/**
 * Each organisation's place in compareOrganisationNames order (names that read alike share one),
 * cut into groups of about `size` organisations consecutive in that order, never between two of
 * one rank: the ledger reads one group after the other, each in keyset order.
 */
function rankGroups(organisations: { id: string; name: string }[], size: number): Map<string, number>[] {
  organisations.sort((a, b) => compareOrganisationNames(a.name, b.name));
  const groups: Map<string, number>[] = [];
  let rank = 0;
  organisations.forEach((o, i) => {
    const sameRank = i > 0 && compareOrganisationNames(organisations[i - 1].name, o.name) === 0;
    if (i > 0 && !sameRank) rank++;
    const last = groups.at(-1);
    if (!last || (last.size >= size && !sameRank)) groups.push(new Map([[o.id, rank]]));
    else last.set(o.id, rank);
  });
  return groups;
}

function cursorAfter(item: TrackedItem, ranks: ReadonlyMap<string, number>): TrackedItemsCursor {
  return {
    rank: ranks.get(item.organisationId) ?? 0,
    reportImportedAt: item.reportImportedAt,
    seq: item.seq,
    id: item.id,
  };
}
