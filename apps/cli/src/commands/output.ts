/** Prints machine-readable JSON with --json, else the readable Chinese text. */
export function emit(out: (s: string) => void, json: boolean, data: unknown, text: () => string): void {
  out(json ? `${JSON.stringify(data, null, 2)}\n` : `${text()}\n`);
}
