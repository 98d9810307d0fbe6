import {
  RECTIFICATION_EVENT_PROFILES,
  type RectificationEventType,
  type RectificationStatus,
} from '../../api/generated/vocabulary';

/**
 * An event's name on an item in `status`, from the server's event profiles: 制定整改措施 reads
 * 调整整改措施 on an item whose measures are set (libs/workflow rectification-events.ts).
 */
export function eventLabel(event: RectificationEventType, status: RectificationStatus): string {
  const profile = RECTIFICATION_EVENT_PROFILES[event];
  return profile.inStatus?.[status]?.label ?? profile.label;
}

/** What to tell the sender once the event went through on an item that was in `status`. */
export function eventDone(event: RectificationEventType, status: RectificationStatus): string {
  const profile = RECTIFICATION_EVENT_PROFILES[event];
  return profile.inStatus?.[status]?.done ?? profile.done;
}
