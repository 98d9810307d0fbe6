import { type ItemPlace } from './notification-ledger.repository';

/**
 * The columns of an item's place (ItemPlace) over `rectification_item i`, its `organisation o`
 * and o's parent `organisation p`; read back with toItemPlace. Shared by the notification ledger
 * (events) and the robots' backlog (deadline tiers).
 */
export const ITEM_PLACE_COLUMNS = `i.id AS item_id, i.title AS item_title, o.id AS organisation_id, o.name AS organisation_name,
               o.parent_id, p.parent_id AS grandparent_id`;

/** A row holding ITEM_PLACE_COLUMNS. */
export interface ItemPlaceRow {
  item_id: string;
  item_title: string;
  organisation_id: string;
  organisation_name: string;
  parent_id: string | null;
  grandparent_id: string | null;
}

/** The place a row of ITEM_PLACE_COLUMNS describes. */
export const toItemPlace = (r: ItemPlaceRow): ItemPlace => ({
  itemId: r.item_id,
  itemTitle: r.item_title,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  parentId: r.parent_id,
  grandparentId: r.grandparent_id,
});
