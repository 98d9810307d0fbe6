const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive from URLs and command lines; PostgreSQL would reject a malformed uuid with an error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
