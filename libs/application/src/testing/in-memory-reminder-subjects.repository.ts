import { type Recipient, type ReminderSubject } from '@rectify/domain';
import {
  type DueItem,
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
  /** Item id → the measures' 责任人: user id → titles of the measures they are responsible for. */
  readonly measuresOf = new Map<string, Map<string, string[]>>();
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

  /**
   * Makes `userId` the picked 责任人 of measures `titles` of the item: they become a
   * `responsible` recipient (once, as the SQL's DISTINCT) and the digest names the measures.
   */
  addResponsible(itemId: string, userId: string, titles: string[]): this {
    const byUser = this.measuresOf.get(itemId) ?? new Map<string, string[]>();
    byUser.set(userId, [...(byUser.get(userId) ?? []), ...titles]);
    this.measuresOf.set(itemId, byUser);
    const roles = this.recipientsOf.get(itemId) ?? (new Map() as RecipientsByRole);
    roles.set('responsible', [...byUser.keys()]);
    this.recipientsOf.set(itemId, roles);
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

  async recipients(
    _scope: SystemScope,
    itemIds: string[],
    roles?: readonly Recipient[],
  ): Promise<Map<string, RecipientsByRole>> {
    if (itemIds.length === 0 || roles?.length === 0) return new Map();
    this.queries++;
    return new Map(
      itemIds.flatMap((id) => {
        const byRole = this.recipientsOf.get(id);
        const kept = new Map([...(byRole ?? [])].filter(([role]) => !roles || roles.includes(role)));
        return kept.size > 0 ? [[id, kept] as const] : [];
      }),
    );
  }

  async dueItems(
    scope: SystemScope,
    itemIds: string[],
    roles: readonly Recipient[],
  ): Promise<Map<string, DueItem>> {
    if (itemIds.length === 0) return new Map();
    const subjects = await this.subjects(scope, itemIds); // the one query this counts
    const recipients = new Map(
      [...subjects.keys()].map((id) => [
        id,
        new Map([...(this.recipientsOf.get(id) ?? [])].filter(([role]) => roles.includes(role))),
      ]),
    );
    return new Map(
      [...subjects].map(([id, subject]) => [
        id,
        {
          subject,
          recipients: recipients.get(id) ?? new Map(),
        },
      ]),
    );
  }

  async responsibleMeasures(
    _scope: SystemScope,
    userId: string,
    itemIds: string[],
  ): Promise<Map<string, string[]>> {
    if (itemIds.length === 0) return new Map();
    this.queries++;
    return new Map(
      itemIds.flatMap((id) => {
        const titles = this.measuresOf.get(id)?.get(userId);
        return titles ? [[id, [...titles]] as const] : [];
      }),
    );
  }
}
