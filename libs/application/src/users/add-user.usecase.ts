import { UserEntity, type UserRole } from '@rectify/persistence';
import { cleanOptionalText } from '@rectify/domain';
import { type DataSource } from 'typeorm';
import { ApplicationError } from '../errors/application-error';
import { hashPassword } from '../auth/passwords';
import { checkPasswordPolicy } from '../auth/password-policy';
import { findOrganisationByName } from '../organisations/add-organisation.usecase';

export interface AddUserCommand {
  username: string;
  organisationName: string;
  role: UserRole;
  displayName?: string;
  email?: string;
  password?: string;
}

const ROLES: readonly UserRole[] = ['secretary', 'supervisor', 'admin'];

/**
 * Adds a user to an organisation (by its name). A password, when given, must pass the password
 * rules (checkPasswordPolicy); without one the user cannot log in until a password is set.
 * @throws ApplicationError INVALID_ARGUMENT, PASSWORD_REJECTED, ORGANISATION_NOT_FOUND, USER_EXISTS
 */
export async function addUser(db: DataSource, command: AddUserCommand): Promise<UserEntity> {
  const username = command.username.trim();
  if (!/^[\w.@-]{2,64}$/.test(username)) {
    throw new ApplicationError('INVALID_ARGUMENT', '用户名须为2至64位字母、数字或 . _ @ - 符号。', {
      username,
    });
  }
  if (!ROLES.includes(command.role)) {
    throw new ApplicationError(
      'INVALID_ARGUMENT',
      `角色"${command.role}"无效：可选 secretary、supervisor、admin。`,
    );
  }
  // Refused before any database work; the same rules as every other place a password is set.
  if (command.password !== undefined) checkPasswordPolicy(command.password, username);
  const org = await findOrganisationByName(db, command.organisationName);
  const repo = db.getRepository(UserEntity);
  if (await repo.findOneBy({ username })) {
    throw new ApplicationError('USER_EXISTS', `用户"${username}"已存在。`, { username });
  }
  const user = repo.create({
    username,
    // Names appear in histories and exports: no character XML forbids (see cleanText).
    displayName: cleanOptionalText(command.displayName)?.trim() || username,
    role: command.role,
    organisationId: org.id,
    email: command.email ?? null,
    passwordHash: command.password === undefined ? null : await hashPassword(command.password, username),
  });
  await repo.insert(user);
  return user;
}

export async function findUserByUsername(db: DataSource, username: string): Promise<UserEntity> {
  const user = await db.getRepository(UserEntity).findOneBy({ username });
  if (!user)
    throw new ApplicationError('USER_NOT_FOUND', `用户"${username}"不存在：请检查用户名。`, { username });
  return user;
}
