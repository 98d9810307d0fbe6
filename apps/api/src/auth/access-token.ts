import { type UserRole } from '@rectify/persistence';

/**
 * What a JWT carries. `ver` is the user's token version at login; the token stops working when
 * the database's version moves on (role, password or disabled changed). The role in the token is
 * informational: every request reads the current role from the database.
 */
export interface AccessTokenClaims {
  sub: string;
  username: string;
  role: UserRole;
  ver: number;
}

/** The authenticated user, as attached to the request: read from the database on each request. */
export interface CurrentUser {
  sub: string;
  username: string;
  role: UserRole;
  /** Signed in with a reset's one-time password: only the routes to change it are open. */
  mustChangePassword: boolean;
}
