import {
  ChineseWorkingDayCalendar,
  type ItemLight,
  itemLight,
  type RectificationStatus,
} from '@rectify/domain';

/** An item's 亮灯 on a day and the working days left before, or past, its deadline. */
export interface LightFigures {
  /** red/yellow/green for open items with a deadline; not_lit or no_deadline otherwise. */
  light: ItemLight;
  /** Working days until the deadline (0 on the day), for open items not yet overdue. */
  workdaysLeft: number | null;
  /** Working days past the deadline, for overdue items. */
  workdaysOverdue: number | null;
}

const calendar = new ChineseWorkingDayCalendar();

/**
 * The light and the working days left or overdue on `today` (YYYY-MM-DD), counted on the
 * Chinese working-day calendar; `deadline` is YYYY-MM-DD or null.
 */
export function lightFigures(
  item: { status: RectificationStatus; deadline: string | null },
  today: string,
): LightFigures {
  const light = itemLight(item, today, calendar);
  const open = light === 'red' || light === 'yellow' || light === 'green';
  const deadline = item.deadline;
  return {
    light,
    workdaysLeft: open && deadline && deadline >= today ? calendar.workdaysBetween(today, deadline) : null,
    workdaysOverdue: open && deadline && deadline < today ? calendar.workdaysBetween(deadline, today) : null,
  };
}
