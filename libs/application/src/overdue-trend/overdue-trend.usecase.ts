import { shanghaiDate } from '@rectify/domain';
import { type ClosingLoopPorts } from '../closing-loop/closing-loop-ports';
import { asOfDay, type OrganisationRef, resolveTarget } from '../closing-loop/closing-loop-target';
import { ApplicationError } from '../errors/application-error';

export const OVERDUE_TREND_DEFAULT_MONTHS = 12;
export const OVERDUE_TREND_MAX_MONTHS = 36;

export interface OverdueTrendRequest extends OrganisationRef {
  /** How many months, ending with the month of `asOf`: 1 to 36, 12 unless given. */
  months?: number;
  /** Today in Shanghai (YYYY-MM-DD) unless given. */
  asOf?: string;
}

export interface OverdueTrend {
  /** Oldest first; `month` is YYYY-MM. */
  months: { month: string; overdue: number }[];
}

/**
 * How many items of an organisation and those below it (as far as the viewer may see) were
 * overdue at the end of each of the last N months, in Shanghai time. The month of `asOf` ends on
 * `asOf` itself, so its bar is "as of today".
 *
 * An item is overdue at the end of day D when it had been created by the end of D, and its
 * latest history line at or before the end of D says that its status then was neither completed
 * nor long_term and its deadline then (`item_history.deadline`, the deadline in force after
 * that line) was before D. Deadline changes are replayed: an item overdue at a month's end stays
 * in that month's figure even if its deadline was extended later.
 *
 * Items with no history line by then (only data entered by hand: an import writes the first
 * line) count as imported: identified, with their current deadline.
 *
 * Errors: INVALID_ARGUMENT (months, asOf), ORGANISATION_NOT_FOUND (absent or out of scope),
 * USER_NOT_FOUND.
 */
export class OverdueTrendUseCase {
  constructor(private readonly ports: ClosingLoopPorts) {}

  async execute(request: OverdueTrendRequest): Promise<OverdueTrend> {
    const months = request.months ?? OVERDUE_TREND_DEFAULT_MONTHS;
    if (!Number.isInteger(months) || months < 1 || months > OVERDUE_TREND_MAX_MONTHS) {
      throw new ApplicationError(
        'INVALID_ARGUMENT',
        `月数"${months}"无效：请填写1至${OVERDUE_TREND_MAX_MONTHS}之间的整数，如 12。`,
        { months },
      );
    }
    const asOf = asOfDay(request.asOf, () => shanghaiDate(new Date()));
    const target = await resolveTarget(this.ports.organisations, this.ports.viewers, request);
    const counts = await this.ports.trackedItems.overdueCounts(target.scope, {
      organisationPath: target.organisation.path,
      asOf,
      months,
    });
    return { months: counts };
  }
}
