import { type UserRole } from '@rectify/persistence';

/** What a JWT carries: who the user is, nothing that could go stale in a harmful way. */
export interface AccessTokenClaims {
  sub: string;
  username: string;
  role: UserRole;
}

/** The authenticated user, as attached to the request by the guard. */
export type CurrentUser = AccessTokenClaims;
