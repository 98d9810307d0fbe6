import { type Recipient, type ReminderSubject } from '@rectify/domain';
import { type ReadScope } from '@rectify/workflow';

/**
 * The reminder pipeline reads every organisation's items (it is the system, not a person): its
 * reads take the operator scope, so a person's scope can never be passed by mistake.
 */
export type SystemScope = Extract<ReadScope, 'operator'>;

/** Who receives an item's reminders, by role: user ids per recipient role. */
export type RecipientsByRole = Map<Recipient, string[]>;

/** An item as a batch of due reminders reads it (see ReminderSubjectsRepository.dueItems). */
export interface DueItem {
  subject: ReminderSubject;
  /** Its recipients in the roles asked for; empty when nobody fills them. */
  recipients: RecipientsByRole;
}

/**
 * What the reminder schedule needs of items (see ReminderSubject), and who receives their
 * reminders. Reads only; the items belong to the items aggregate.
 */
export interface ReminderSubjectsRepository {
  /**
   * These items' reminder subjects, keyed by item id; ids without an item, and withdrawn items
   * (撤销: a reminder job that fires for one sends nothing), are absent. A
   * long-term item's `lastReviewedOn` is the Shanghai day of its last review or approval as
   * long-term in the history (its last change when the history has none). Empty input: empty map,
   * no query.
   */
  subjects(scope: SystemScope, itemIds: string[]): Promise<Map<string, ReminderSubject>>;

  /**
   * Every item that can have reminders: with measures and a deadline, or long-term with a review
   * interval; never a withdrawn one (撤销).
   */
  openSubjects(scope: SystemScope): Promise<ReminderSubject[]>;

  /**
   * Who receives these items' reminders, keyed by item id then role (user ids, in no particular
   * order): `owner` (the owner, or while nobody owns the item its organisation's secretaries),
   * `responsible` (the active people picked as 责任人 of its measures), `secretary`,
   * `parent_supervisors`, `grandparent_supervisors`; only the `roles` asked for (all when
   * omitted). Roles nobody fills are absent; an item with no recipient at all is absent. Empty
   * input (no items or no roles): empty map, no query.
   */
  recipients(
    scope: SystemScope,
    itemIds: string[],
    roles?: readonly Recipient[],
  ): Promise<Map<string, RecipientsByRole>>;

  /**
   * What a batch of due reminders needs of these items, in one statement (a year-end storm runs
   * hundreds of batches): each item's subject as `subjects` gives it and its
   * recipients in `roles` as `recipients` gives them. Withdrawn items (撤销) and ids without an
   * item are absent. Empty input (no items): empty map, no query.
   */
  dueItems(scope: SystemScope, itemIds: string[], roles: readonly Recipient[]): Promise<Map<string, DueItem>>;

  /**
   * The titles of these items' measures whose picked 责任人 is `userId`, keyed by item id, in
   * measure order; items where they are responsible for none are absent. Empty input: empty map,
   * no query.
   */
  responsibleMeasures(scope: SystemScope, userId: string, itemIds: string[]): Promise<Map<string, string[]>>;
}
