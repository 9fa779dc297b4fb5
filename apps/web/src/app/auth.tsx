import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onUnauthorized, session } from '../api/client';
import type { LoginResponse, Role, User } from '../api/types';

interface AuthState {
  user: User | null;
  /** true until the stored token has been checked */
  checking: boolean;
  login(username: string, password: string): Promise<User>;
  logout(): void;
  hasRole(...roles: Role[]): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [checking, setChecking] = useState(() => !!session.token());

  const logout = useCallback(() => {
    session.clear();
    setUser(null);
  }, []);

  useEffect(() => {
    onUnauthorized(logout);
    if (!session.token()) return;
    api.get<User>('/api/auth/me')
      .then(setUser)
      .catch(() => session.clear())
      .finally(() => setChecking(false));
  }, [logout]);

  const login = useCallback(async (username: string, password: string) => {
    const result = await api.post<LoginResponse>('/api/auth/login', { username, password });
    session.set(result.accessToken);
    setUser(result.user);
    return result.user;
  }, []);

  const value = useMemo<AuthState>(
    () => ({ user, checking, login, logout, hasRole: (...roles: Role[]) => !!user && roles.includes(user.role) }),
    [user, checking, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user (inside the authenticated layout). */
export function useMe(): User {
  const { user } = useAuth();
  if (!user) throw new Error('not signed in');
  return user;
}
