import { type Viewer, type ViewerPosition } from '@rectify/workflow';

/**
 * What a JWT carries. `ver` is the user's token version at login; the token stops working when
 * the database's version moves on (password or disabled changed). It carries no positions:
 * every request reads them from the database.
 */
export interface AccessTokenClaims {
  sub: string;
  username: string;
  ver: number;
}

/** The authenticated user, as attached to the request: read from the database on each request. */
export interface CurrentUser {
  sub: string;
  username: string;
  /** The positions (职务) held now, as the access rules take them. */
  positions: ViewerPosition[];
  /** Signed in with a reset's one-time password: only the routes to change it are open. */
  mustChangePassword: boolean;
}

/** The current user as the access rules see them. */
export function viewerOf(user: CurrentUser): Viewer {
  return { userId: user.sub, positions: user.positions };
}
