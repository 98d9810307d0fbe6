import { type ViewersRepository } from '@rectify/persistence';
import { type Viewer } from '@rectify/workflow';
import { ApplicationError } from '../errors/application-error';

/**
 * The viewer behind `userId`, from whose view a read is made. Throws ApplicationError
 * USER_NOT_FOUND when the account no longer exists.
 */
export async function requireViewer(viewers: ViewersRepository, userId: string): Promise<Viewer> {
  const viewer = await viewers.findViewer(userId);
  if (!viewer) throw new ApplicationError('USER_NOT_FOUND', '账号已不存在：请联系管理员。', { userId });
  return viewer;
}
