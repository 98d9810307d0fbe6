/** An error the CLI reports on stderr and turns into an exit code, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly code: string,
  ) {
    super(message);
  }
}

export const EXIT_BAD_INPUT = 2;
export const EXIT_USAGE = 64;
