'use client';

import type { ReactNode } from 'react';
import { Loading } from '../components/loading';
import { MissingPermission } from '../components/error-panel';
import { useAuth } from './auth-context';

/** Shows `children` to a signed-in person (holding `scope`, when given), else the way in. */
export function RequireAuth({
  children,
  scope,
  title,
}: {
  children: ReactNode;
  scope?: string;
  title: string;
}) {
  const auth = useAuth();
  if (auth.status === 'loading') return <Loading label="Checking your session…" />;
  if (auth.status === 'signedOut') {
    return (
      <section className="panel" aria-labelledby="sign-in-needed">
        <h1 id="sign-in-needed">{title}</h1>
        <p>You are signed out. Sign in with your ABC Inc. account to continue.</p>
        {auth.error && (
          <p className="error-text" role="alert">
            {auth.error}
          </p>
        )}
        <button type="button" className="button" onClick={() => void auth.signIn()}>
          Sign in
        </button>
      </section>
    );
  }
  if (scope && !auth.hasScope(scope)) {
    return (
      <section className="panel panel-error" aria-labelledby="permission-needed">
        <h1 id="permission-needed">{title}</h1>
        <MissingPermission scope={scope} />
      </section>
    );
  }
  return <>{children}</>;
}
