import { RectificationTransitionError } from './rectification-transition';

/** For specs: the error `fn` throws when the machine refuses an event; fails if it is accepted. */
export function refusal(fn: () => unknown): RectificationTransitionError {
  try {
    fn();
  } catch (err) {
    if (err instanceof RectificationTransitionError) return err;
    throw err;
  }
  throw new Error('expected the event to be refused');
}
