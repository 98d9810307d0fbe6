/**
 * Waits until `pending()` reports nothing (an empty list) on `rounds` polls in a row,
 * `intervalMs` apart: a quiet period measured from the system's own state instead of a fixed
 * sleep. Several rounds in a row cover work handed on between two reads (a job that queues the
 * next one just before it completes). Fails after `timeoutMs` (ms) with what was still pending.
 */
export async function waitUntilQuiet(
  what: string,
  pending: () => Promise<string[]>,
  { rounds = 3, intervalMs = 50, timeoutMs = 20_000 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietRounds = 0;
  let last: string[] = [];
  while (quietRounds < rounds) {
    last = await pending();
    quietRounds = last.length === 0 ? quietRounds + 1 : 0;
    if (quietRounds >= rounds) return;
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}; still pending: ${last.join(', ')}`,
      );
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
