import { ledgerRows, type LedgerRow } from '@rectify/domain';
import { type ClosingLoopPorts } from '../closing-loop/closing-loop-ports';
import { loadYear, type YearRequest } from '../closing-loop/load-year';

export interface LedgerResult {
  title: string;
  rows: LedgerRow[];
}

/**
 * The rectification ledger (整改台账) of an organisation and those below it for one year, as far
 * as the viewer may see. Errors: INVALID_ARGUMENT (year, asOf), ORGANISATION_NOT_FOUND (absent or
 * out of scope), USER_NOT_FOUND.
 */
export class BuildLedgerUseCase {
  constructor(private readonly ports: ClosingLoopPorts) {}

  async execute(request: YearRequest): Promise<LedgerResult> {
    const { items, target, asOf, calendar } = await loadYear(this.ports, request);
    return {
      title: `${target.organisation.name}${request.problemYear}年度查摆问题整改台账`,
      rows: ledgerRows(items, { asOf, calendar }),
    };
  }
}
