import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  EVENT_NOTIFICATION_KINDS,
  type EmailMode,
  type EventNotificationKind,
  type NotificationPreferences,
} from '@rectify/domain';
import { type DataSource } from 'typeorm';
import { type NotificationPreferencesRepository } from './notification-preferences.repository';

interface PreferenceRow {
  email_mode: EmailMode;
  email_kinds: string[];
}

// A kind dropped from the vocabulary since the row was saved is no longer offered: leave it out.
const toPreferences = (r: PreferenceRow): NotificationPreferences => ({
  emailMode: r.email_mode,
  emailKinds: EVENT_NOTIFICATION_KINDS.filter((k) => r.email_kinds.includes(k)),
});

/** NotificationPreferencesRepository on PostgreSQL (or PGlite). */
export class PgNotificationPreferencesRepository implements NotificationPreferencesRepository {
  constructor(private readonly db: DataSource) {}

  async read(userId: string): Promise<NotificationPreferences> {
    const [row]: PreferenceRow[] = await this.db.query(
      `SELECT email_mode, email_kinds FROM notification_preference WHERE user_id = $1`,
      [userId],
    );
    return row
      ? toPreferences(row)
      : { ...DEFAULT_NOTIFICATION_PREFERENCES, emailKinds: [...DEFAULT_NOTIFICATION_PREFERENCES.emailKinds] };
  }

  async save(userId: string, preferences: NotificationPreferences): Promise<NotificationPreferences> {
    const kinds: EventNotificationKind[] = EVENT_NOTIFICATION_KINDS.filter((k) =>
      preferences.emailKinds.includes(k),
    );
    const [row]: PreferenceRow[] = await this.db.query(
      `INSERT INTO notification_preference (user_id, email_mode, email_kinds, updated_at)
       VALUES ($1, $2, $3::text[], now())
       ON CONFLICT (user_id) DO UPDATE
         SET email_mode = EXCLUDED.email_mode, email_kinds = EXCLUDED.email_kinds, updated_at = now()
       RETURNING email_mode, email_kinds`,
      [userId, preferences.emailMode, kinds],
    );
    return toPreferences(row);
  }
}
