import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config';

// Reasons named per line; the others are counted as "other reasons".
const REASONS_SHOWN = 3;
const MAX_REASON_LENGTH = 200;

interface Tally {
  source: string;
  what: string;
  total: number;
  reasons: Map<string, number>;
}

/**
 * Repeated warnings, summarised. In an outage every job fails on every attempt, each with the
 * same reason: one line each would be tens of thousands of lines that say one thing. Instead,
 * each (source, what) pair prints at most one line per LOG_SUMMARY_SECONDS, e.g.
 * `reminders: 1200 job attempts failed in the last 10 s: 处理提醒时出错：… ×1200`, naming the
 * three commonest reasons. Nothing is printed for a quiet interval; what is pending is printed
 * on shutdown.
 */
@Injectable()
export class WarningSummary implements OnApplicationShutdown {
  private readonly logger = new Logger('summary');
  private readonly tallies = new Map<string, Tally>();
  private readonly timer: NodeJS.Timeout;

  constructor(@Inject(WORKER_CONFIG) private readonly config: WorkerConfig) {
    this.timer = setInterval(() => this.flush(), config.LOG_SUMMARY_SECONDS * 1000);
    this.timer.unref();
  }

  /** Counts one occurrence: `what` in the plural ("job attempts failed"), `reason` its message. */
  note(source: string, what: string, reason: string): void {
    const key = `${source}: ${what}`;
    const tally = this.tallies.get(key) ?? { source, what, total: 0, reasons: new Map<string, number>() };
    this.tallies.set(key, tally);
    const short = oneLine(reason);
    tally.total++;
    tally.reasons.set(short, (tally.reasons.get(short) ?? 0) + 1);
  }

  /** Prints one line per (source, what) noted since the last flush. */
  flush(): void {
    for (const tally of this.tallies.values()) {
      const ranked = [...tally.reasons].sort((a, b) => b[1] - a[1]);
      const shown = ranked.slice(0, REASONS_SHOWN).map(([reason, n]) => `${reason} ×${n}`);
      const others = ranked.length - shown.length;
      const rest = others > 0 ? `; and ${others} other reasons` : '';
      this.logger.warn(
        `${tally.source}: ${tally.total} ${tally.what} in the last ${this.config.LOG_SUMMARY_SECONDS} s: ${shown.join('; ')}${rest}`,
      );
    }
    this.tallies.clear();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.flush();
  }
}

function oneLine(reason: string): string {
  const flat = reason.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_REASON_LENGTH ? `${flat.slice(0, MAX_REASON_LENGTH)}…` : flat;
}
