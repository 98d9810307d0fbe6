import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, setUnauthorizedHandler, tokenStore } from '../api/client';

export type Role = 'secretary' | 'supervisor' | 'admin';

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organisation: { id: string; name: string; kind: 'committee' | 'general_branch' | 'branch' };
}

export const ROLE_LABELS: Record<Role, string> = {
  secretary: '支部书记',
  supervisor: '上级党组织',
  admin: '管理员',
};

interface AuthState {
  user: CurrentUser | null;
  /** True until the stored token has been checked. */
  loading: boolean;
  /** True after the user logged out themselves (not sent away by an expired session). */
  signedOut: boolean;
  login(username: string, password: string): Promise<void>;
  logout(): void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [loading, setLoading] = useState(true);
  const [signedOut, setSignedOut] = useState(false);

  const expire = useCallback(() => {
    tokenStore.clear();
    setUser(null);
  }, []);

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
    api
      .get<CurrentUser>('/me')
      .then(setUser)
      .catch(() => tokenStore.clear())
      .finally(() => setLoading(false));
  }, [expire]);

  const login = useCallback(async (username: string, password: string) => {
    const { accessToken } = await api.post<{ accessToken: string }>('/auth/login', { username, password });
    tokenStore.set(accessToken);
    setSignedOut(false);
    setUser(await api.get<CurrentUser>('/me'));
  }, []);

  const value = useMemo(
    () => ({ user, loading, signedOut, login, logout }),
    [user, loading, signedOut, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
