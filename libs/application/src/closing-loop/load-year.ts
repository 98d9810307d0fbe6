import {
  ChineseWorkingDayCalendar,
  shanghaiDate,
  type TrackedItem,
  type WorkingDayCalendar,
} from '@rectify/domain';
import { type ClosingLoopPorts } from './closing-loop-ports';
import {
  asOfDay,
  assertYear,
  type ClosingLoopTarget,
  type OrganisationRef,
  resolveTarget,
} from './closing-loop-target';

/** One year's problems of an organisation and those below it, as a viewer asks for them. */
export interface YearRequest extends OrganisationRef {
  /** The year of the reports whose problems are counted. */
  problemYear: number;
  /** Today (ISO date) unless given. */
  asOf?: string;
  calendar?: WorkingDayCalendar;
}

/**
 * The checked request and the tracked items it covers: the year and day validated, the target
 * resolved (errors as resolveTarget), the items of the organisation and those below it loaded
 * within the viewer's scope.
 */
export async function loadYear(
  ports: ClosingLoopPorts,
  request: YearRequest,
): Promise<{ items: TrackedItem[]; target: ClosingLoopTarget; asOf: string; calendar: WorkingDayCalendar }> {
  assertYear(request.problemYear);
  const target = await resolveTarget(ports.organisations, ports.viewers, request);
  const items = await ports.trackedItems.load(target.scope, {
    organisation: target.organisation,
    subtree: true,
    problemYear: request.problemYear,
  });
  return {
    items,
    target,
    asOf: asOfDay(request.asOf, () => shanghaiDate(new Date())),
    calendar: request.calendar ?? new ChineseWorkingDayCalendar(),
  };
}
