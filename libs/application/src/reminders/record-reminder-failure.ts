import { RECIPIENTS, REMINDER_KINDS } from '@rectify/domain';
import { type DataSource } from 'typeorm';
import { loadReminderRecipients } from './reminder-recipients';
import { type ReminderJobData } from './reminder-jobs';

/**
 * Sets a reminder job aside after its last attempt: its recipients get ledger rows marked
 * `failed` with the reason, so the failure shows at `GET /api/reminders/deliveries?status=failed`
 * and in the health figures; an existing row for the same reminder is left as it is. A job whose
 * own data cannot be stored (an unknown kind, a date PostgreSQL refuses) records nothing: it
 * stays in the queue's failed jobs, with its reason and attempt count. Returns the rows added.
 */
export async function recordReminderFailure(
  db: DataSource,
  job: ReminderJobData,
  error: string,
): Promise<number> {
  if (!REMINDER_KINDS.includes(job.kind)) return 0;
  const byRole = (await loadReminderRecipients(db, [job.itemId])).get(job.itemId);
  const recipients = [...new Set(RECIPIENTS[job.kind].flatMap((role) => byRole?.get(role) ?? []))];
  if (recipients.length === 0) return 0;
  const added: unknown[] = await db.query(
    `INSERT INTO reminder_delivery (recipient_id, item_id, kind, due_date, send_on, status, error, attempts)
     SELECT r, $2, $3, $4::date, $5::date, 'failed', $6, 1 FROM unnest($1::uuid[]) AS r
     ON CONFLICT (recipient_id, item_id, kind, due_date) DO NOTHING
     RETURNING id`,
    [recipients, job.itemId, job.kind, job.dueDate, job.sendOn, error],
  );
  return added.length;
}
