import { UserEntity, type UserRole } from '@rectify/persistence';
import { type DataSource } from 'typeorm';
import { isUuid } from '../common/is-uuid';

/** What each authenticated request needs to know about its user, read fresh from the database. */
export interface SessionUser {
  id: string;
  username: string;
  role: UserRole;
  disabled: boolean;
  /** Compared with the `ver` claim of the access token; see UserEntity.tokenVersion. */
  tokenVersion: number;
}

/**
 * The user as the database has it now, or null when there is no such user (deleted, or an id
 * that is not a uuid). One primary-key lookup; called on every authenticated request so that a
 * deleted, disabled or demoted user loses access at once.
 */
export async function findSessionUser(db: DataSource, userId: string): Promise<SessionUser | null> {
  if (!isUuid(userId)) return null;
  const user = await db.getRepository(UserEntity).findOne({
    where: { id: userId },
    select: { id: true, username: true, role: true, disabled: true, tokenVersion: true },
  });
  return user
    ? {
        id: user.id,
        username: user.username,
        role: user.role,
        disabled: user.disabled,
        tokenVersion: user.tokenVersion,
      }
    : null;
}
