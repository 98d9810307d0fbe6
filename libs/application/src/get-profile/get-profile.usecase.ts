import {
  type OrganisationKind,
  type OrganisationsRepository,
  type UserRole,
  type UsersRepository,
} from '@rectify/persistence';

/** The signed-in user as the app shows them (当前登录用户), with their organisation. */
export interface Profile {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  organisation: { id: string; name: string; kind: OrganisationKind };
  /** Signed in with a reset's one-time password: must choose a password before anything else. */
  mustChangePassword: boolean;
}

/**
 * The profile of `userId`, or null when the account no longer exists. One's own organisation is
 * always within one's read scope (every role sees its own), so it is read unscoped.
 * @throws Error when the user's organisation is missing (the foreign key forbids it)
 */
export class GetProfileUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsRepository,
  ) {}

  async execute(command: { userId: string }): Promise<Profile | null> {
    const user = await this.users.findById(command.userId);
    if (!user) return null;
    const org = await this.organisations.findById('operator', user.organisationId);
    if (!org) throw new Error(`organisation ${user.organisationId} of user ${user.id} is missing`);
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      organisation: { id: org.id, name: org.name, kind: org.kind },
      mustChangePassword: user.mustChangePassword,
    };
  }
}
