import { recurrenceKeys } from '@rectify/domain';
import { type RectificationEventType, type RectificationStatus } from '@rectify/workflow';
import { activeMemberOf } from '../sql/organisation-member';
import { type PreparedSql } from '../sql/prepared-sql';
import { toViewerPosition } from '../viewers/pg-viewers.repository';
import { type PositionRow, VIEWER_POSITIONS_SQL } from '../viewers/viewer-positions.sql';
import { type ItemCommandSession } from './items.repository';
import {
  type DetailsWrite,
  type ItemStateRecord,
  type ItemWithActorRecord,
  type TransitionWrite,
  type WithdrawalWrite,
} from './item-records';

interface ItemWithActorRow {
  id: string;
  status: RectificationStatus;
  deadline: string | null;
  review_interval_days: number | null;
  pending_extension: unknown;
  version: number;
  item_path: string;
  created_by: string | null;
  withdrawn: boolean;
  user_id: string | null;
  user_positions: PositionRow[] | null;
}

const LOAD_ITEM_WITH_ACTOR = `SELECT i.id, i.status, to_char(i.deadline, 'YYYY-MM-DD') AS deadline, i.review_interval_days,
            i.pending_extension, i.version, io.path AS item_path, i.created_by,
            i.withdrawn_at IS NOT NULL AS withdrawn,
            u.id AS user_id, (${VIEWER_POSITIONS_SQL('u.id')}) AS user_positions
       FROM rectification_item i
       JOIN organisation io ON io.id = i.organisation_id
       LEFT JOIN app_user u ON u.id = $2
      WHERE i.id = $1`;

// The item update guarded by the version read ($2), the history line, whose seq is the item's
// version after the event ($7): gapless and ordered, with the deadline in force after it ($4,
// which the overdue trend replays); and the outbox row that tells the worker
// to (re)schedule the item's reminders and tell people of the event (the history line's id),
// written in the same statement so it cannot be lost.
const updateWithHistory = (alsoSet: string) => `
  WITH updated AS (
    UPDATE rectification_item
       SET status = $3, deadline = $4, review_interval_days = $5, pending_extension = $6, version = $7,
           owner_id = COALESCE(owner_id, $13::uuid), updated_at = now()${alsoSet}
     WHERE id = $1 AND version = $2
     RETURNING id),
  history AS (
    INSERT INTO item_history (item_id, seq, actor_id, actor_role, event, from_status, to_status, payload, deadline)
    SELECT id, $7, $8, $9, $10, $11, $3, $12, $4 FROM updated
    RETURNING id),
  outbox_added AS (
    INSERT INTO outbox (item_id, reason, history_id) SELECT u.id, $10, h.id FROM updated u CROSS JOIN history h)`;

const EVIDENCE = `,
  evidence_added AS (
    INSERT INTO evidence (item_id, text, created_by) SELECT id, $14, $15 FROM updated)`;

// Replaces the item's measures in the same statement (the unique key is checked deferred).
const MEASURES = `,
  measures_removed AS (
    DELETE FROM measure WHERE item_id IN (SELECT id FROM updated)),
  measures_added AS (
    INSERT INTO measure (item_id, seq, title, detail, responsible, responsible_user_id, deadline)
    SELECT u.id, t.ordinality, t.m->>'title', '', t.m->>'responsible', (t.m->>'responsibleUserId')::uuid,
           (t.m->>'deadline')::date
      FROM updated u, jsonb_array_elements($14::jsonb) WITH ORDINALITY AS t(m, ordinality))`;

function writeStatement(type: RectificationEventType): string {
  if (type === 'SET_MEASURES') {
    // The item's measure count is set with the measures it replaces (the triggers only check it).
    return `${updateWithHistory(', measure_count = jsonb_array_length($14::jsonb)')}${MEASURES}\n  SELECT id FROM updated`;
  }
  const extra = type === 'SUBMIT_COMPLETION' ? EVIDENCE : '';
  return `${updateWithHistory('')}${extra}\n  SELECT id FROM updated`;
}

// A correction of title or detail keeps what it replaced on the line (previousTitle,
// previousDetail): \`before\` reads the row as it was when the statement began.
const UPDATE_DETAILS = `WITH before AS (
         SELECT title, detail FROM rectification_item WHERE id = $1),
       updated AS (
         UPDATE rectification_item
            SET source = COALESCE($3, source),
                responsible_leader = CASE WHEN $4::boolean THEN $5 ELSE responsible_leader END,
                title = COALESCE($9::text, title), detail = COALESCE($10::text, detail),
                version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2
          RETURNING id, status, version, deadline, organisation_id, year),
       -- A new title is filed under its own recurrence keys ($11, null when the title stays);
       -- the two sets are disjoint, so neither statement sees the other's rows.
       keys_removed AS (
         DELETE FROM recurrence_key k USING updated u
          WHERE $11::text[] IS NOT NULL AND k.item_id = u.id AND k.key <> ALL($11::text[])),
       keys_added AS (
         INSERT INTO recurrence_key (organisation_id, year, key, item_id)
         SELECT u.organisation_id, u.year, k.key, u.id FROM updated u, unnest($11::text[]) AS k(key)
          WHERE u.year IS NOT NULL
         ON CONFLICT DO NOTHING),
       -- The line carries the deadline in force, unchanged: the overdue trend replays it.
       history AS (
         INSERT INTO item_history (item_id, seq, actor_id, actor_role, event, from_status, to_status, payload, deadline)
         SELECT u.id, u.version, $6, $7, 'UPDATE_DETAILS', u.status, u.status,
                $8::jsonb
                  || CASE WHEN $9::text IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('previousTitle', b.title) END
                  || CASE WHEN $10::text IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('previousDetail', b.detail) END,
                u.deadline
           FROM updated u CROSS JOIN before b)
       SELECT version FROM updated`;

// Of the picked people ($2), those who are active people of the item's organisation.
const ORGANISATION_PEOPLE = `SELECT u.id, u.display_name AS "displayName"
       FROM rectification_item i
       JOIN app_user u ON u.id = ANY($2::uuid[])
      WHERE i.id = $1 AND ${activeMemberOf('u', 'i.organisation_id')}`;

// Withdraws ($3 true, with reason $5 and the actor $4 as withdrawn_by) or restores ($3 false) an
// item that is not (or is) withdrawn, at the version read ($2). The status stays: the line goes
// from it to itself, with the deadline in force (the overdue trend replays lines); the outbox row
// makes the worker drop (subjects leave withdrawn items out) or reschedule its reminders.
const WITHDRAWAL = `WITH updated AS (
         UPDATE rectification_item
            SET withdrawn_at = CASE WHEN $3::boolean THEN now() END,
                withdrawn_by = CASE WHEN $3::boolean THEN $4::uuid END,
                withdraw_reason = CASE WHEN $3::boolean THEN $5::text END,
                version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2 AND (withdrawn_at IS NULL) = $3::boolean
          RETURNING id, status, version, deadline),
       history AS (
         INSERT INTO item_history (item_id, seq, actor_id, actor_role, event, from_status, to_status, payload, deadline)
         SELECT u.id, u.version, $6, $7, $8, u.status, u.status, $9::jsonb, u.deadline FROM updated u),
       outbox_added AS (
         INSERT INTO outbox (item_id, reason) SELECT id, $8 FROM updated)
       SELECT version FROM updated`;

/** ItemCommandSession on one connection: every statement named, so each is planned once. */
export class PgItemCommandSession implements ItemCommandSession {
  constructor(private readonly sql: PreparedSql) {}

  async loadItemWithActor(itemId: string, actorUserId: string | null): Promise<ItemWithActorRecord | null> {
    const rows = await this.sql<ItemWithActorRow>('rectify.load_item_with_actor', LOAD_ITEM_WITH_ACTOR, [
      itemId,
      actorUserId,
    ]);
    const row = rows[0];
    if (!row) return null;
    return {
      item: {
        id: row.id,
        status: row.status,
        deadline: row.deadline,
        reviewIntervalDays: row.review_interval_days,
        pendingExtension: row.pending_extension,
        version: Number(row.version),
        organisationPath: row.item_path,
        createdBy: row.created_by,
        withdrawn: row.withdrawn,
      },
      actor: row.user_id
        ? { userId: row.user_id, positions: (row.user_positions ?? []).map(toViewerPosition) }
        : null,
    };
  }

  async writeTransition(w: TransitionWrite): Promise<boolean> {
    const rows = await this.sql<{ id: string }>(
      `rectify.transition_write.${w.event}`,
      writeStatement(w.event),
      [
        w.itemId,
        w.readVersion,
        w.toStatus,
        w.deadline,
        w.reviewIntervalDays,
        w.pendingExtension === null ? null : JSON.stringify(w.pendingExtension),
        w.readVersion + 1,
        w.actor.userId,
        w.actor.role,
        w.event,
        w.fromStatus,
        JSON.stringify(w.historyPayload),
        w.ownerId,
        ...(w.event === 'SUBMIT_COMPLETION' ? [w.evidence?.text, w.evidence?.createdBy ?? null] : []),
        ...(w.event === 'SET_MEASURES' ? [JSON.stringify(w.measures)] : []),
      ],
    );
    return rows.length === 1;
  }

  async updateDetails(w: DetailsWrite): Promise<number | null> {
    const rows = await this.sql<{ version: number }>('rectify.update_item_details', UPDATE_DETAILS, [
      w.itemId,
      w.readVersion,
      w.source,
      w.setResponsibleLeader,
      w.responsibleLeader,
      w.actor.userId,
      w.actor.role,
      JSON.stringify(w.changes),
      w.title,
      w.detail,
      w.title === null ? null : recurrenceKeys(w.title),
    ]);
    return rows.length === 1 ? Number(rows[0].version) : null;
  }

  async organisationPeople(itemId: string, userIds: string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.sql<{ id: string; displayName: string }>(
      'rectify.item_organisation_people',
      ORGANISATION_PEOPLE,
      [itemId, userIds],
    );
    return new Map(rows.map((r) => [r.id, r.displayName]));
  }

  async writeWithdrawal(w: WithdrawalWrite): Promise<number | null> {
    const rows = await this.sql<{ version: number }>('rectify.item_withdrawal', WITHDRAWAL, [
      w.itemId,
      w.readVersion,
      w.withdraw,
      w.withdraw ? w.actor.userId : null,
      w.withdraw ? w.reason : null,
      w.actor.userId,
      w.actor.role,
      w.withdraw ? 'WITHDRAW' : 'RESTORE',
      JSON.stringify(w.historyPayload),
    ]);
    return rows.length === 1 ? Number(rows[0].version) : null;
  }

  async currentState(itemId: string): Promise<ItemStateRecord | null> {
    const [current] = await this.sql<ItemStateRecord>(
      'rectify.item_status',
      'SELECT status, version FROM rectification_item WHERE id = $1',
      [itemId],
    );
    return current ?? null;
  }
}
