import {
  type DeliveryStatus,
  type OutboxRepository,
  type ReminderLedgerRepository,
} from '@rectify/persistence';

/** What the health endpoints show of the reminder pipeline's database side. */
// A type, not an interface: health indicators take it as their index-signed data.
export type ReminderLedgerFigures = {
  byStatus: Record<DeliveryStatus, number>;
  /** Outbox rows still to relay (including those waiting for a retry). */
  outboxWaiting: number;
  /** Of those, rows that failed at least once and wait for their next attempt. */
  outboxRetrying: number;
  /** Rows parked after their last attempt: listed at GET /api/reminders/outbox-failures. */
  outboxFailed: number;
};

/** Ledger rows by status, and outbox rows by state: figures for the health endpoints. */
export class ReminderLedgerFiguresUseCase {
  constructor(
    private readonly ledger: ReminderLedgerRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  async execute(): Promise<ReminderLedgerFigures> {
    const byStatus = await this.ledger.countByStatus();
    const outbox = await this.outbox.figures();
    return {
      byStatus,
      outboxWaiting: outbox.waiting,
      outboxRetrying: outbox.retrying,
      outboxFailed: outbox.failed,
    };
  }
}
