'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { Loading } from '../components/loading';
import { useAuth } from './auth-context';

/**
 * Finishes a redirect sign-in. The fragment holds the tokens: it is taken out of the address bar
 * and the history at once, then validated (state, nonce, id_token) by auth0-js.
 */
export function Callback() {
  const auth = useAuth();
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const hash = window.location.hash;
    window.history.replaceState(null, '', window.location.pathname);
    auth.store.completeSignIn(hash, window.location.origin).then(
      (returnTo) => router.replace(returnTo),
      (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)),
    );
  }, [auth.store, router]);

  if (!failure) return <Loading label="Signing you in…" />;
  return (
    <section className="panel panel-error" aria-labelledby="sign-in-failed">
      <h1 id="sign-in-failed">Sign-in did not complete</h1>
      <p>{failure}</p>
      <button type="button" className="button" onClick={() => void auth.signIn('/week/')}>
        Try again
      </button>
    </section>
  );
}
