import { ApiError } from './client';

/** The message to show for any failure: the API's Chinese one when there is one. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return '操作失败，请稍后重试。';
}
