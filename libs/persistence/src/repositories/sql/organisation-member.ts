/**
 * The SQL condition "person `user` (an app_user alias) is one of organisation `organisation`'s
 * active people": their home organisation is it, or they hold a position (职务) in it. One rule
 * for the people offered as 责任人 and for the check of a picked one.
 */
export const activeMemberOf = (user: string, organisation: string): string =>
  `(NOT ${user}.disabled AND (${user}.organisation_id = ${organisation}
     OR EXISTS (SELECT 1 FROM position mp WHERE mp.user_id = ${user}.id AND mp.organisation_id = ${organisation})))`;
