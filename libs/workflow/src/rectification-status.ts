/**
 * The lifecycle vocabulary is owned by `libs/domain` (statuses, labels, status sets); the machine
 * uses it and re-exports it so callers of the workflow need one import.
 */
export {
  RECTIFICATION_STATUSES,
  RECTIFICATION_STATUS_LABELS,
  type RectificationStatus,
  OPEN_STATUSES,
  SETTLED_STATUSES,
  REMINDED_STATUSES,
  isRectificationStatus,
} from '@rectify/domain';
