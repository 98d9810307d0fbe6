import { type DataSource } from 'typeorm';
import { UserEntity } from '../../entities/user.entity';
import { type NewUser, type SessionUser, type UserRecord, type UsersRepository } from './users.repository';

/** UsersRepository on PostgreSQL (or PGlite), through the user entity. */
export class PgUsersRepository implements UsersRepository {
  constructor(private readonly db: DataSource) {}

  findByUsername(username: string): Promise<UserRecord | null> {
    return this.db.getRepository(UserEntity).findOneBy({ username });
  }

  findById(id: string): Promise<UserRecord | null> {
    return this.db.getRepository(UserEntity).findOneBy({ id });
  }

  async findSession(id: string): Promise<SessionUser | null> {
    const user = await this.db.getRepository(UserEntity).findOne({
      where: { id },
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

  listByUsername(): Promise<UserRecord[]> {
    return this.db.getRepository(UserEntity).find({ order: { username: 'ASC' } });
  }

  async add(user: NewUser): Promise<UserRecord> {
    const repo = this.db.getRepository(UserEntity);
    const created = repo.create(user);
    await repo.insert(created);
    return created;
  }

  async setPasswordHash(username: string, passwordHash: string): Promise<boolean> {
    const result = await this.db.getRepository(UserEntity).update({ username }, { passwordHash });
    return Boolean(result.affected);
  }
}
