import { useCallback, useMemo, useState } from 'react';
import { useAuth } from '../../auth/auth-context';
import { type DraftKey, drafts } from './drafts';

/**
 * The draft of one form about one item for the person signed in: `restored` is what was kept
 * (read once, when the form mounts), `save` keeps the form's values as they are typed, `clear`
 * drops them once they were sent. Does nothing while nobody is signed in.
 */
export function useDraft<T>(itemId: string, form: string) {
  const { user } = useAuth();
  const key = useMemo<DraftKey | null>(
    () => (user ? { userId: user.id, itemId, form } : null),
    [user, itemId, form],
  );
  const [restored] = useState<T | null>(() => (key ? drafts.read<T>(key) : null));
  const save = useCallback((values: unknown) => key && drafts.write(key, values), [key]);
  const clear = useCallback(() => key && drafts.clear(key), [key]);
  return { restored, save, clear };
}
