import { UserEntity, type UserRole } from '@rectify/persistence';
import { type DataSource } from 'typeorm';
import { ApplicationError } from '../errors/application-error';
import { hashPassword } from '../auth/passwords';
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
  const org = await findOrganisationByName(db, command.organisationName);
  const repo = db.getRepository(UserEntity);
  if (await repo.findOneBy({ username })) {
    throw new ApplicationError('USER_EXISTS', `用户"${username}"已存在。`, { username });
  }
  const user = repo.create({
    username,
    displayName: command.displayName ?? username,
    role: command.role,
    organisationId: org.id,
    email: command.email ?? null,
    passwordHash: command.password === undefined ? null : await hashPassword(command.password),
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
