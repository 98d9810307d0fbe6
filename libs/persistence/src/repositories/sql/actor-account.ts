/**
 * The account id named by a history line's `actor_id` (text: a user's uuid, or 'system'), as a
 * uuid, else NULL: `app_user.id = actorAccountId('h.actor_id')` finds the account through the
 * primary key, where `app_user.id::text = h.actor_id` compares every account's id as text (a
 * scan of the whole user table per line: 200,000 accounts at province scale).
 */
export const actorAccountId = (actorId: string): string =>
  `(CASE WHEN ${actorId} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN ${actorId}::uuid END)`;
