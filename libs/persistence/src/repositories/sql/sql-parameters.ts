/**
 * The parameters of one SQL statement assembled from parts: each part adds its values and
 * writes the placeholder it gets back (`$n::type`), so parts compose without counting by hand.
 */
export class SqlParameters {
  /** The values in placeholder order, as the driver takes them. */
  readonly values: unknown[] = [];

  /** Adds `value` and returns its placeholder cast to `type` (a PostgreSQL type, e.g. `uuid[]`). */
  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}
