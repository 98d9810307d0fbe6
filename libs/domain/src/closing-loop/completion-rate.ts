/**
 * The one rule for a rate (完成率) everywhere it is shown, the web's dashboard and the summary
 * .docx alike: a share of nothing is no rate at all (null, shown as —), never 0 %: an
 * organisation without problems has not failed to rectify any.
 */

/** `part` of `whole` as 0..1 rounded to four decimals (so one decimal of percent), or null when `whole` is 0. */
export function completionRate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

/**
 * A rate as shown to people: one decimal of percent (0.4 → 40.0%, 0.1667 → 16.7%), — for no rate.
 * Self-contained on purpose: scripts/generate-web-api.js copies its source into the web.
 */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}
