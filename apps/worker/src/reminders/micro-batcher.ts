/**
 * Gathers single calls into batches: each `submit` waits for the batch it joined. The reminder
 * processor runs hundreds of jobs at once; one SQL round trip for a few hundred of them costs
 * about what one costs alone, so thousands of items sharing a deadline do not mean thousands of
 * round trips. A batch goes when it is full or when `waitMs` has passed since its first call.
 */
export class MicroBatcher<I, O> {
  private pending: { input: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly run: (inputs: I[]) => Promise<O[]>,
    private readonly maxSize: number,
    private readonly waitMs: number,
  ) {}

  submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ input, resolve, reject });
      if (this.pending.length >= this.maxSize) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.waitMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    this.run(batch.map((b) => b.input)).then(
      (outputs) => batch.forEach((b, i) => b.resolve(outputs[i])),
      (err: unknown) => batch.forEach((b) => b.reject(err)),
    );
  }
}
