'use client';

import { ApolloProvider } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { createApolloClient } from '../apollo/create-apollo-client';
import { Auth0Client } from '../auth/auth0-client';
import { AuthProvider } from '../auth/auth-context';
import { SessionStore } from '../auth/session-store';
import { loadRuntimeConfig } from '../config/runtime-config';
import { AppShell, ShellFrame } from './app-shell';
import { Loading } from './loading';

interface Services {
  store: SessionStore;
  client: ReturnType<typeof createApolloClient>;
}

async function createServices(): Promise<Services> {
  // The API client (Apollo's cache, links and query manager, ~45 KB gzip) is fetched while
  // /config.json is, instead of with the page: nothing runs a query before both have arrived.
  const [config, { createApolloClient }] = await Promise.all([
    loadRuntimeConfig(),
    import('../apollo/create-apollo-client'),
  ]);
  const auth0 = new Auth0Client(config, window.location.origin);
  const store = new SessionStore(auth0, window.localStorage, Date.now, window.sessionStorage);
  const client = createApolloClient(config.apiUrl, {
    getAccessToken: () => store.getAccessToken(),
    renewAfterUnauthorized: () => store.handleUnauthorized(),
  });
  return { store, client };
}

/**
 * Loads `/config.json`, then provides the session and the API client. The callback page finishes
 * its own sign-in; every other page restores the session silently when this browser signed in
 * before.
 */
export function AppProviders({ children }: { children: ReactNode }) {
  const [services, setServices] = useState<Services | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current: Services | null = null;
    let cancelled = false;
    createServices().then(
      (created) => {
        if (cancelled) return;
        current = created;
        setServices(created);
        if (!window.location.pathname.startsWith('/callback')) void created.store.start();
      },
      (error: unknown) => {
        if (!cancelled) setFailure(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      cancelled = true;
      current?.store.dispose();
    };
  }, [attempt]);

  useEffect(() => {
    if (!services) return undefined;
    const onVisible = () => {
      if (document.visibilityState === 'visible') services.store.renewIfDue();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [services]);

  if (!services) {
    return (
      <ShellFrame>
        {failure ? (
          <div className="panel panel-error" role="alert">
            <h1>Timesheets could not start</h1>
            <p>{failure}</p>
            <button
              type="button"
              className="button"
              onClick={() => {
                setFailure(null);
                setAttempt((n) => n + 1);
              }}
            >
              Retry
            </button>
          </div>
        ) : (
          <Loading label="Starting Timesheets…" />
        )}
      </ShellFrame>
    );
  }
  return (
    <AuthProvider store={services.store}>
      <ApolloProvider client={services.client}>
        <AppShell>{children}</AppShell>
      </ApolloProvider>
    </AuthProvider>
  );
}
