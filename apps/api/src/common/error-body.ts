/** The one JSON shape of every error the API returns. */
export interface ErrorBody {
  /** Stable, for programs. */
  code: string;
  /** Chinese, for people: what is wrong and what to do. */
  message: string;
  details: unknown;
}
