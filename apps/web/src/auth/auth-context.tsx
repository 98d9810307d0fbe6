import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { setUnauthorizedHandler, tokenStore } from '../api/client';
import { getMe, login as logIn, type MeResponse, type UserRole } from '../api/rectify-api';

/** The person signed in (GET /api/me). */
export type CurrentUser = MeResponse;
export type Role = UserRole;

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
