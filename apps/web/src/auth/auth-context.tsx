import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { setUnauthorizedHandler, tokenStore } from '../api/client';
import { getMe, login as logIn, type MeResponse } from '../api/rectify-api';
import { POSITION_KIND_LABELS } from '../api/generated/vocabulary';

/** The person signed in (GET /api/me), with their positions and what those let them do. */
export type CurrentUser = MeResponse;

/**
 * How the header names the person's standing: the positions in their own organisation first
 * (书记、组织委员), else their first position with its organisation (组织委员·镇党委).
 */
export function positionsLabel(user: CurrentUser): string {
  const home = user.positions.filter((p) => p.organisationId === user.organisation.id);
  if (home.length > 0) return home.map((p) => POSITION_KIND_LABELS[p.kind]).join('、');
  const first = user.positions[0];
  return first ? `${POSITION_KIND_LABELS[first.kind]}·${first.organisationName}` : '无职务';
}

interface AuthState {
  user: CurrentUser | null;
  /** True until the stored token has been checked. */
  loading: boolean;
  /** True after the user logged out themselves (not sent away by an expired session). */
  signedOut: boolean;
  login(username: string, password: string): Promise<void>;
  /** Keeps a new token of the same person (after a password change) and reads the profile again. */
  applyToken(accessToken: string): Promise<void>;
  logout(): void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [loading, setLoading] = useState(true);
  const [signedOut, setSignedOut] = useState(false);
  const queryClient = useQueryClient();

  // Whatever was loaded belongs to the person signed in: the next one must not see it.
  const expire = useCallback(() => {
    tokenStore.clear();
    queryClient.clear();
    setUser(null);
  }, [queryClient]);

  const logout = useCallback(() => {
    setSignedOut(true);
    expire();
  }, [expire]);

  useEffect(() => {
    setUnauthorizedHandler(expire);
    if (!tokenStore.get()) {
      setLoading(false);
      return;
    }
    getMe()
      .then(setUser)
      .catch(() => tokenStore.clear())
      .finally(() => setLoading(false));
  }, [expire]);

  const login = useCallback(
    async (username: string, password: string) => {
      const { accessToken } = await logIn({ loginDto: { username, password } });
      tokenStore.set(accessToken);
      queryClient.clear();
      setSignedOut(false);
      setUser(await getMe());
    },
    [queryClient],
  );

  const applyToken = useCallback(async (accessToken: string) => {
    tokenStore.set(accessToken);
    setUser(await getMe());
  }, []);

  const value = useMemo(
    () => ({ user, loading, signedOut, login, applyToken, logout }),
    [user, loading, signedOut, login, applyToken, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
