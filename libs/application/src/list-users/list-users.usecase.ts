import { type UserRole, type UsersRepository, type ViewersRepository } from '@rectify/persistence';
import { type AdministeredBy, requireAdministrator } from '../organisations/administering';

/** A user as the user list shows them (no password hash, no token version). */
export interface UserListEntry {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  organisationId: string;
  email: string | null;
}

/**
 * Every user, ordered by username (用户列表). Only administrators (and the operator) may.
 * Errors (ApplicationError): USER_NOT_FOUND (the administrator's account is gone), ADMIN_ONLY.
 */
export class ListUsersUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly viewers: ViewersRepository,
  ) {}

  async execute(command: { by: AdministeredBy }): Promise<UserListEntry[]> {
    await requireAdministrator(this.viewers, command.by, '查看用户');
    const users = await this.users.listByUsername();
    return users.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      organisationId: u.organisationId,
      email: u.email,
    }));
  }
}
