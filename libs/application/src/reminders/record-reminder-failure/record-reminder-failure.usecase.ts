import { RECIPIENTS, REMINDER_KINDS } from '@rectify/domain';
import { type ReminderLedgerRepository, type ReminderSubjectsRepository } from '@rectify/persistence';
import { type ReminderJobData } from '../reminder-jobs';

export interface RecordReminderFailureCommand {
  job: ReminderJobData;
  /** Why the job failed, in Chinese (see describeReminderError). */
  error: string;
}

/**
 * Sets a reminder job aside after its last attempt: its recipients get ledger rows marked
 * `failed` with the reason, so the failure shows at `GET /api/reminders/deliveries?status=failed`
 * and in the health figures; an existing row for the same reminder is left as it is. A job whose
 * own data cannot be stored (an unknown kind, a date PostgreSQL refuses) records nothing: it
 * stays in the queue's failed jobs, with its reason and attempt count. Resolves to the rows
 * added; database faults reject.
 */
export class RecordReminderFailureUseCase {
  constructor(
    private readonly ledger: ReminderLedgerRepository,
    private readonly subjects: ReminderSubjectsRepository,
  ) {}

  async execute({ job, error }: RecordReminderFailureCommand): Promise<number> {
    if (!REMINDER_KINDS.includes(job.kind)) return 0;
    const byRole = (await this.subjects.recipients('operator', [job.itemId])).get(job.itemId);
    const recipients = [...new Set(RECIPIENTS[job.kind].flatMap((role) => byRole?.get(role) ?? []))];
    if (recipients.length === 0) return 0;
    return this.ledger.recordFailed(recipients, job, error);
  }
}
