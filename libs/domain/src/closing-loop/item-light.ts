import { type WorkingDayCalendar } from '../calendar/working-day-calendar';
import { DEFAULT_THRESHOLDS, type ReminderThresholds, trafficLight } from '../reminders/reminder-plan';
import { isOpen } from '../lifecycle';
import { type TrackedItem } from './tracked-item';

/**
 * The light (亮灯) an item shows in a ledger: an open item with a deadline is green, yellow or
 * red; an open item without one has no light yet; completed and long-term items are not lit.
 */
export type ItemLight = 'red' | 'yellow' | 'green' | 'no_deadline' | 'not_lit';

export const ITEM_LIGHTS: readonly ItemLight[] = ['red', 'yellow', 'green', 'no_deadline', 'not_lit'];

export const ITEM_LIGHT_LABELS: Record<ItemLight, string> = {
  red: '红灯',
  yellow: '黄灯',
  green: '绿灯',
  no_deadline: '未定时限',
  not_lit: '不亮灯',
};

export function itemLight(
  item: Pick<TrackedItem, 'status' | 'deadline'>,
  asOf: string,
  calendar: WorkingDayCalendar,
  thresholds: ReminderThresholds = DEFAULT_THRESHOLDS,
): ItemLight {
  if (!isOpen(item.status)) return 'not_lit';
  if (!item.deadline) return 'no_deadline';
  return trafficLight(item.deadline, asOf, calendar, thresholds);
}
