import { type Recipient, type ReminderSubject } from '@rectify/domain';
import {
  type RecipientsByRole,
  type ReminderSubjectsRepository,
  type SystemScope,
} from '@rectify/persistence';

/**
 * ReminderSubjectsRepository in memory, for unit tests: the subjects and recipients given
 * (set `subjectsOf` / `recipientsOf` entries), with the open-subject rule of the SQL.
 */
export class InMemoryReminderSubjectsRepository implements ReminderSubjectsRepository {
  readonly subjectsOf = new Map<string, ReminderSubject>();
  readonly recipientsOf = new Map<string, RecipientsByRole>();
  /** Queries made, for tests that count round trips. */
  queries = 0;

  /** Adds an item's subject and who receives its reminders, by role. */
  add(subject: ReminderSubject, recipients: Partial<Record<Recipient, string[]>> = {}): this {
    this.subjectsOf.set(subject.itemId, subject);
    const roles = new Map(
      Object.entries(recipients).filter(([, users]) => users.length > 0),
    ) as RecipientsByRole;
    if (roles.size > 0) this.recipientsOf.set(subject.itemId, roles);
    return this;
  }

  async subjects(_scope: SystemScope, itemIds: string[]): Promise<Map<string, ReminderSubject>> {
    if (itemIds.length === 0) return new Map();
    this.queries++;
    return new Map(
      itemIds.flatMap((id) =>
        this.subjectsOf.has(id) ? [[id, { ...this.subjectsOf.get(id)! }] as const] : [],
      ),
    );
  }

  async openSubjects(_scope: SystemScope): Promise<ReminderSubject[]> {
    this.queries++;
    return [...this.subjectsOf.values()]
      .filter(
        (s) =>
          (s.status === 'measures_set' && s.deadline !== null) ||
          (s.status === 'long_term' && s.reviewIntervalDays !== null),
      )
      .map((s) => ({ ...s }));
  }

  async recipients(_scope: SystemScope, itemIds: string[]): Promise<Map<string, RecipientsByRole>> {
    if (itemIds.length === 0) return new Map();
    this.queries++;
    return new Map(
      itemIds.flatMap((id) => (this.recipientsOf.has(id) ? [[id, this.recipientsOf.get(id)!] as const] : [])),
    );
  }
}
