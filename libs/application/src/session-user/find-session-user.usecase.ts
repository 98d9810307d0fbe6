import { type SessionUser, type UsersRepository } from '@rectify/persistence';
import { isUuid } from '../common/is-uuid';

/**
 * The user behind a token's subject as the database has it now (the session: role, disabled,
 * token version), or null when there is no such user (deleted, or an id that is not a uuid,
 * which is never looked up). One primary-key lookup; called on every authenticated request so
 * that a deleted, disabled or demoted user loses access at once. The caller decides what a
 * mismatch means (see the API's AccessTokenVerifier).
 */
export class FindSessionUserUseCase {
  constructor(private readonly users: UsersRepository) {}

  execute(userId: string): Promise<SessionUser | null> {
    return isUuid(userId) ? this.users.findSession(userId) : Promise.resolve(null);
  }
}
