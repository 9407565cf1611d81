'use client';

import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { AuthState, SessionStore } from './session-store';

const AuthContext = createContext<SessionStore | null>(null);

export function AuthProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  return <AuthContext.Provider value={store}>{children}</AuthContext.Provider>;
}

export interface UseAuth extends AuthState {
  hasScope(scope: string): boolean;
  /** Starts a sign-in that comes back to `returnTo` (default: the current page). */
  signIn(returnTo?: string): Promise<void>;
  signOut(): Promise<void>;
  store: SessionStore;
}

const SERVER_STATE: AuthState = {
  status: 'loading',
  profile: null,
  scopes: new Set(),
  error: null,
};

/** The session as the UI sees it: status, profile, granted scopes, and the sign-in actions. */
export function useAuth(): UseAuth {
  const store = useContext(AuthContext);
  if (!store) throw new Error('useAuth must be used inside <AuthProvider>');
  const state = useSyncExternalStore(store.subscribe, store.getState, () => SERVER_STATE);
  return useMemo(
    () => ({
      ...state,
      store,
      hasScope: (scope: string) => state.scopes.has(scope),
      signIn: (returnTo?: string) =>
        store.signIn(returnTo ?? `${window.location.pathname}${window.location.search}`),
      signOut: () => store.signOut(),
    }),
    [state, store],
  );
}
