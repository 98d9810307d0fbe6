import {
  type OrganisationKind,
  type OrganisationsRepository,
  type UsersRepository,
} from '@rectify/persistence';
import { viewerCapabilities, type ViewerCapabilities } from '@rectify/workflow';
import { type PositionEntry, toPositionEntries } from '../users/user-entry';

/** The signed-in user as the app shows them (当前登录用户), with their organisation. */
export interface Profile {
  id: string;
  username: string;
  displayName: string;
  /** Where email notifications go; null when the person has no address (站内消息 only). */
  email: string | null;
  /** 所在组织. */
  organisation: { id: string; name: string; kind: OrganisationKind };
  /** Every position held (职务), with its organisation. */
  positions: PositionEntry[];
  /** What the positions let them do somewhere: for menus, never instead of the rules. */
  capabilities: ViewerCapabilities;
  /** Signed in with a reset's one-time password: must choose a password before anything else. */
  mustChangePassword: boolean;
}

/**
 * The profile of `userId`, or null when the account no longer exists. One's own organisation is
 * always one's own to see, so it is read unscoped.
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
    const supervising = user.positions.filter((p) => p.rights.includes('supervise'));
    const below = await this.organisations.withOrganisationsBelow(supervising.map((p) => p.organisationId));
    if (!org) throw new Error(`organisation ${user.organisationId} of user ${user.id} is missing`);
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      email: user.email,
      organisation: { id: org.id, name: org.name, kind: org.kind },
      positions: toPositionEntries(user.positions),
      capabilities: viewerCapabilities({ userId: user.id, positions: user.positions }, (id) => below.has(id)),
      mustChangePassword: user.mustChangePassword,
    };
  }
}
