import { type Viewer } from '@rectify/workflow';

/**
 * Who is asking (权限主体): the person behind a user id as the access rules see them, with
 * their organisation's materialised path. Every scoped read starts here.
 */
export interface ViewersRepository {
  /**
   * The viewer for `userId` (a uuid string): role, organisation id and path. Null when no such
   * account exists (the caller answers USER_NOT_FOUND). A disabled account is still returned:
   * the token check refuses those before any read.
   */
  findViewer(userId: string): Promise<Viewer | null>;
}
