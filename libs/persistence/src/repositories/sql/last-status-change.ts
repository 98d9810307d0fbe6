import { actorAccountId } from './actor-account';

/**
 * The SQL joins that bring in the last line of an item's history that changed its status (so a
 * progress note, an extension request or a re-plan never hides a return for rework), as alias
 * `last` (event, at, payload, actor_id) and its author's account as `last_actor` (display_name;
 * no row for the system or a removed account). `item` is the rectification_item alias.
 */
export const lastStatusChangeJoins = (item: string): string =>
  `LEFT JOIN LATERAL (
          SELECT h.event, h.at, h.payload, h.actor_id FROM item_history h
           WHERE h.item_id = ${item}.id AND h.from_status IS DISTINCT FROM h.to_status
           ORDER BY h.seq DESC LIMIT 1) last ON TRUE
   LEFT JOIN app_user last_actor ON last_actor.id = ${actorAccountId('last.actor_id')}`;
