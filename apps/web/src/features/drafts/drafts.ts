import dayjs from 'dayjs';

/**
 * Drafts (草稿) of what a person types about an item (a progress note, a return reason, the
 * measures being adjusted), kept in the browser's localStorage until the text is sent
 * successfully, so an expired session or a closed tab loses nothing. Keyed by the person, the
 * item and the form: another person signing in on the same browser never sees them.
 */
export interface DraftKey {
  userId: string;
  itemId: string;
  /** The form: 'note' or a lifecycle event's type. */
  form: string;
}

const PREFIX = 'rectify.draft';
const keyOf = (k: DraftKey) => `${PREFIX}:${k.userId}:${k.itemId}:${k.form}`;

/** Dates (Dayjs) travel as { $day: 'YYYY-MM-DD' }: their own JSON is an instant in UTC. */
function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return dayjs.isDayjs(raw) ? { $day: raw.format('YYYY-MM-DD') } : value;
}
function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && typeof (value as { $day?: unknown }).$day === 'string')
    return dayjs((value as { $day: string }).$day);
  return value;
}

/** Whether the values hold any text or date a person typed (only blanks: nothing worth keeping). */
export function hasContent(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return true;
  if (dayjs.isDayjs(value)) return true;
  if (Array.isArray(value)) return value.some(hasContent);
  if (value && typeof value === 'object') return Object.values(value).some(hasContent);
  return false;
}

export const drafts = {
  /** The draft kept for the key, or null (none, or unreadable: then it is dropped). */
  read<T>(key: DraftKey): T | null {
    const text = localStorage.getItem(keyOf(key));
    if (text === null) return null;
    try {
      return JSON.parse(text, reviver) as T;
    } catch {
      localStorage.removeItem(keyOf(key));
      return null;
    }
  },
  /** Keeps the values; blank values remove the draft. A full storage keeps the older draft. */
  write(key: DraftKey, values: unknown): void {
    if (!hasContent(values)) {
      localStorage.removeItem(keyOf(key));
      return;
    }
    try {
      localStorage.setItem(keyOf(key), JSON.stringify(values, replacer));
    } catch {
      // Storage full or disabled: the draft is a convenience, the form still works.
    }
  },
  clear(key: DraftKey): void {
    localStorage.removeItem(keyOf(key));
  },
};
