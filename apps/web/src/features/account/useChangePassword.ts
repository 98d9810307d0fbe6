import { useMutation } from '@tanstack/react-query';
import { changeOwnPassword } from '../../api/rectify-api';
import { useAuth } from '../../auth/auth-context';

/**
 * Changes the signed-in person's password (POST /api/me/password). The change ends every session
 * of theirs, this one too: the answer's new token replaces the stored one, and the profile is
 * read again (so "must change" is cleared).
 */
export function useChangePassword() {
  const { applyToken } = useAuth();
  return useMutation({
    mutationFn: (passwords: { currentPassword: string; newPassword: string }) =>
      changeOwnPassword({ changePasswordDto: passwords }),
    onSuccess: (answer) => applyToken(answer.accessToken),
  });
}
