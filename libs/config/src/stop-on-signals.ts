/**
 * Stops the process gracefully on the first SIGTERM or SIGINT (Ctrl-C): runs `stop` (close the
 * apps, let running jobs finish, then close the database), then exits with 0, or with 1 and the
 * reason on one line if stopping fails. Further signals while stopping are ignored, so a second
 * Ctrl-C does not cut a job in half.
 */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
